import { Checkbox, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { ActionItem } from '../../../../domain/entities.js';
import { memberName } from '../../store/selectors.js';
import { useSeriesView } from '../SeriesContext.js';
import { formatDueDate, todayIsoDate } from './dates.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column' },
  label: { overflowWrap: 'anywhere' },
  done: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  meta: { color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalXXXL },
  overdue: { color: tokens.colorPaletteRedForeground1 },
});

/** One action item with its owner and due date; ticking it marks it done for both people. */
export function ActionItemRow({ item }: { item: ActionItem }) {
  const styles = useStyles();
  const { actions, series } = useSeriesView();
  const done = item.doneAt !== undefined;
  const overdue = !done && item.dueDate !== undefined && item.dueDate < todayIsoDate();

  return (
    <li className={styles.row}>
      <Checkbox
        checked={done}
        label={{ children: item.text, className: mergeClasses(styles.label, done && styles.done) }}
        onChange={(_, data) => void actions.setActionItemDone(item.id, data.checked === true)}
      />
      <Text size={200} className={styles.meta}>
        {memberName(series, item.ownerId)}
        {item.dueDate && (
          <span className={mergeClasses(overdue && styles.overdue)}>
            {` · due ${formatDueDate(item.dueDate)}${overdue ? ' (overdue)' : ''}`}
          </span>
        )}
      </Text>
    </li>
  );
}
