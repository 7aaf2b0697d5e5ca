import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CloudOffRegular } from '@fluentui/react-icons';
import { useT } from '../../i18n/useT.js';
import { useSignal } from '../../store/useSignal.js';
import { useSeriesView } from '../SeriesContext.js';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorStatusWarningBorder2}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  title: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  item: { overflowWrap: 'anywhere' },
});

/**
 * Changes made while the service was out of reach: listed, never dropped,
 * and sent by themselves once the connection is back (or on "Retry now").
 */
export function UnsentChanges() {
  const styles = useStyles();
  const t = useT();
  const { actions } = useSeriesView();
  const unsent = useSignal(actions.unsent);

  return (
    <div role="status" aria-live="polite">
      {unsent.length > 0 && (
        <div className={styles.box}>
          <Text weight="semibold" className={styles.title}>
            <CloudOffRegular aria-hidden />
            {t('panel.unsent.count', { count: unsent.length })}
          </Text>
          <ul className={styles.list} aria-label={t('panel.unsent.list')}>
            {unsent.map((change) => (
              <li key={change.id} className={styles.item}>
                <Text size={200}>{change.label}</Text>
              </li>
            ))}
          </ul>
          <Text size={200}>{t('panel.unsent.later')}</Text>
          <Button size="small" onClick={() => void actions.retryUnsent()}>
            {t('panel.unsent.retry')}
          </Button>
        </div>
      )}
    </div>
  );
}
