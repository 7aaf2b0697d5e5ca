import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { HistoryRegular } from '@fluentui/react-icons';
import type { Meeting } from '../../../../domain/entities.js';
import type { MessageKey } from '../../../../i18n/keys.js';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { selectEarlierMeetingsLeft, selectPastMeetings, selectTopicsOf } from '../../store/meetingSelectors.js';
import { meetingDate } from '../../../../domain/meetingDate.js';
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

export const OUTCOME_LABELS = {
  scheduled: 'panel.outcome.scheduled',
  live: 'panel.outcome.live',
  ended: 'panel.outcome.ended',
  skipped: 'panel.outcome.skipped',
  cancelled: 'panel.outcome.cancelled',
} as const satisfies Record<Meeting['status'], MessageKey>;

/** Earlier meetings of this 1:1, newest first; opening one shows it read-only in place of the current agenda. */
export function PastMeetings({ onOpen }: { onOpen(meetingId: string): void }) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const { state, actions } = useSeriesView();
  const past = selectPastMeetings(state);
  const { before, loading } = state.history;
  const notLoaded = selectEarlierMeetingsLeft(state);

  return (
    <section className={styles.section} aria-labelledby="past-meetings-heading">
      <h2 id="past-meetings-heading" className={styles.heading}>
        {t('panel.history.heading')}
      </h2>
      {past.length === 0 && !before ? (
        <Text className={styles.empty}>{t('panel.history.empty')}</Text>
      ) : (
        <ul className={styles.list} aria-label={t('panel.history.heading')}>
          {past.map((meeting) => {
            const count = selectTopicsOf(state, meeting.id).length;
            const when = meetingTime(meetingDate(meeting), tag);
            return (
              <li key={meeting.id}>
                <Button
                  className={styles.open}
                  appearance="subtle"
                  icon={<HistoryRegular />}
                  onClick={() => onOpen(meeting.id)}
                >
                  {t('panel.history.entry', { when, outcome: t(OUTCOME_LABELS[meeting.status]), count })}
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
          {loading ? t('panel.history.loading') : t('panel.history.more', { count: notLoaded })}
        </Button>
      )}
    </section>
  );
}
