import { makeStyles, Spinner, Text, tokens, typographyStyles } from '@fluentui/react-components';
import type { Topic } from '../../../domain/entities.js';
import type { PanelSession } from '../host/session.js';
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
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXXL, display: 'flex', flexDirection: 'column', gap: '12px' },
  topic: { ...typographyStyles.subtitle1, overflowWrap: 'anywhere' },
  discussed: { color: tokens.colorNeutralForeground3, textDecorationLine: 'line-through' },
  meta: { ...typographyStyles.body1, color: tokens.colorNeutralForeground2, display: 'block' },
});

const STATUS_LABEL: Record<Topic['status'], string> = { open: '', discussed: 'Discussed', deferred: 'Deferred' };

/**
 * The agenda on the meeting stage: big, read-only and live. Everyone in the
 * meeting can see the stage, so it shows the shared agenda only (never
 * private notes) and offers no controls; edits happen in the side panels.
 */
export function StageView({ session }: { session: PanelSession }) {
  const styles = useStyles();
  const { state } = useSeries(session.seriesId, session.getToken);
  const series = selectSeries(state);

  if (state.status === 'failed') {
    return (
      <div className={styles.root}>
        <Notice intent="error" title="The agenda could not be loaded">
          {state.loadError}
        </Notice>
      </div>
    );
  }
  if (!series) return <Spinner className={styles.root} label="Loading the agenda…" />;

  const agenda = selectAgenda(state);
  return (
    <main className={styles.root} aria-label="Agenda on the meeting stage">
      <h1 className={styles.title}>{series.title || '1:1'}</h1>
      {agenda.length === 0 ? (
        <Text>No topics yet. Add them from the side panel.</Text>
      ) : (
        <ol className={styles.list} aria-label="Agenda">
          {agenda.map((topic) => (
            <li key={topic.id} aria-label={topic.text} className={styles.topic}>
              <span className={topic.status === 'discussed' ? styles.discussed : undefined}>{topic.text}</span>
              <span className={styles.meta}>
                {[`by ${memberName(series, topic.addedBy)}`, topic.category, STATUS_LABEL[topic.status]]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
