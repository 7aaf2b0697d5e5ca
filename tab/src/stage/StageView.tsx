import { makeStyles, Spinner, Text, tokens, typographyStyles } from '@fluentui/react-components';
import type { PanelSession } from '../host/session.js';
import { useT } from '../i18n/useT.js';
import { CATEGORY_KEYS } from '../store/categoryWords.js';
import { memberName, selectAgenda, selectSeries } from '../store/selectors.js';
import { useSeries } from '../store/useSeries.js';
import { Notice } from '../ui/Notice.js';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    boxSizing: 'border-box',
  },
  title: { ...typographyStyles.title2, margin: 0, overflowWrap: 'anywhere' },
  list: {
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalXXL,
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
  },
  topic: { ...typographyStyles.subtitle1, overflowWrap: 'anywhere' },
  discussed: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  meta: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, display: 'block' },
});

/**
 * The agenda on the meeting stage: big, read-only and live. Everyone in the
 * meeting can see the stage, so it shows the shared agenda only (never
 * private notes) and offers no controls; edits happen in the side panels.
 */
export function StageView({ session }: { session: PanelSession }) {
  const styles = useStyles();
  const t = useT();
  const { state } = useSeries(session.seriesId, session.getToken);
  const series = selectSeries(state);

  if (state.status === 'failed') {
    return (
      <div className={styles.root}>
        <Notice intent="error" title={t('panel.stage.loadFailed')}>
          {state.loadError}
        </Notice>
      </div>
    );
  }
  if (!series) return <Spinner className={styles.root} label={t('panel.stage.loading')} />;

  const agenda = selectAgenda(state);
  return (
    <main className={styles.root} aria-label={t('panel.stage.main')}>
      <h1 className={styles.title}>{series.title || '1:1'}</h1>
      {agenda.length === 0 ? (
        <Text>{t('panel.stage.empty')}</Text>
      ) : (
        <ol className={styles.list} aria-label={t('panel.agenda.heading')}>
          {agenda.map((topic) => (
            <li key={topic.id} aria-label={topic.text} className={styles.topic}>
              <span className={topic.status === 'discussed' ? styles.discussed : undefined}>{topic.text}</span>
              <span className={styles.meta}>
                {t('panel.stage.topicMeta', {
                  name: memberName(series, topic.addedBy, t),
                  category: t(CATEGORY_KEYS[topic.category]),
                  status: topic.status,
                })}
              </span>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
