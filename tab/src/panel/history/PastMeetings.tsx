import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import type { Meeting } from '../../../../domain/entities.js';
import { selectEarlierMeetingsLeft, selectPastMeetings, selectTopicsOf } from '../../store/meetingSelectors.js';
import { meetingTime } from '../header/cadenceText.js';
import { useSeriesView } from '../SeriesContext.js';
import { mutedText, plainList, sectionHeading, stack } from '../../ui/styles.js';

const useStyles = makeStyles({
  section: stack(tokens.spacingVerticalXS),
  heading: sectionHeading,
  list: plainList(),
  open: { justifyContent: 'flex-start', width: '100%', textAlign: 'start' },
  empty: mutedText,
  more: { alignSelf: 'flex-start' },
});

export const OUTCOME_LABELS: Record<Meeting['status'], string> = {
  scheduled: 'Scheduled',
  live: 'Under way',
  ended: 'Held',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
};

/** Earlier meetings of this 1:1, newest first; opening one shows it read-only in place of the current agenda. */
export function PastMeetings({ onOpen }: { onOpen(meetingId: string): void }) {
  const styles = useStyles();
  const { state, actions } = useSeriesView();
  const past = selectPastMeetings(state);
  const { before, loading } = state.history;
  const notLoaded = selectEarlierMeetingsLeft(state);

  return (
    <section className={styles.section} aria-labelledby="past-meetings-heading">
      <h2 id="past-meetings-heading" className={styles.heading}>
        Past meetings
      </h2>
      {past.length === 0 && !before ? (
        <Text className={styles.empty}>No earlier 1:1s yet. Meetings you end show up here.</Text>
      ) : (
        <ul className={styles.list} aria-label="Past meetings">
          {past.map((meeting) => {
            const count = selectTopicsOf(state, meeting.id).length;
            const when = meetingTime(meeting.scheduledStart);
            return (
              <li key={meeting.id}>
                <Button
                  className={styles.open}
                  appearance="subtle"
                  icon={<HistoryRegular />}
                  onClick={() => onOpen(meeting.id)}
                >
                  {`${when} · ${OUTCOME_LABELS[meeting.status]} · ${count} ${count === 1 ? 'topic' : 'topics'}`}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      {notLoaded > 0 && (
        <Button
          appearance="secondary"
          className={styles.more}
          disabled={loading}
          onClick={() => void actions.loadEarlierMeetings()}
        >
          {loading ? 'Loading earlier meetings…' : `Show earlier meetings (${notLoaded} more)`}
        </Button>
      )}
    </section>
  );
}
