import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowUndoRegular, DismissRegular } from '@fluentui/react-icons';
import { useSignal } from '../../store/useSignal.js';
import { useSeriesView } from '../SeriesContext.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  text: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
});

/** After a delete: "Topic deleted — Undo", until undone, dismissed or replaced by the next delete (no time limit). */
export function UndoDeleteBar() {
  const styles = useStyles();
  const { actions } = useSeriesView();
  const deleted = useSignal(actions.lastDeleted);

  return (
    <div role="status" aria-live="polite">
      {deleted && (
        <div className={styles.bar}>
          <Text className={styles.text}>{`Topic deleted: “${deleted.text}”`}</Text>
          <Button size="small" icon={<ArrowUndoRegular />} onClick={() => void actions.undoDelete()}>
            Undo
          </Button>
          <Button
            size="small"
            appearance="subtle"
            icon={<DismissRegular />}
            aria-label="Dismiss"
            onClick={actions.dismissUndo}
          />
        </div>
      )}
    </div>
  );
}
