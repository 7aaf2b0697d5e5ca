import { Badge, Button, makeStyles, Text, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { selectItemsAgreedIn, selectPrivateNote, selectTopicsOf } from '../../store/meetingSelectors.js';
import { ArrowBack } from '../../ui/directionalIcons.js';
import { memberName, visibleRecords } from '../../store/selectors.js';
import { formatDueDate } from '../actionItems/dates.js';
import { categoryOf, STATUS_LABELS } from '../agenda/categories.js';
import { meetingDate } from '../../../../domain/meetingDate.js';
import { HeldSlotNote } from '../header/HeldSlotNote.js';
import { meetingTime } from '../header/cadenceText.js';
import { TopicNotes } from '../notes/TopicNotes.js';
import { useSeriesView } from '../SeriesContext.js';
import { OUTCOME_LABELS } from './PastMeetings.js';
import { mutedText, plainList, sectionHeading, stack } from '../../ui/styles.js';

const useStyles = makeStyles({
  view: stack(tokens.spacingVerticalM),
  back: { alignSelf: 'flex-start' },
  heading: { ...typographyStyles.subtitle1, margin: 0 },
  subheading: sectionHeading,
  list: plainList(tokens.spacingVerticalS),
  topic: {
    ...stack(tokens.spacingVerticalXXS),
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  line: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalXS },
  grow: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  text: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  muted: mutedText,
});

/** One earlier meeting, read-only: its topics and where they ended up, the notes, the action items agreed. */
export function PastMeetingView({ meetingId, onBack }: { meetingId: string; onBack(): void }) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const { state, series, viewer } = useSeriesView();
  const back = useRef<HTMLButtonElement>(null);
  const meeting = state.records.meeting[meetingId];
  const topics = selectTopicsOf(state, meetingId);
  const items = selectItemsAgreedIn(state, meetingId);
  const privateNote = selectPrivateNote(state, meetingId, viewer.userId);

  useEffect(() => back.current?.focus(), []);

  return (
    <article className={styles.view} aria-labelledby="past-meeting-heading">
      <Button ref={back} className={styles.back} icon={<ArrowBack />} onClick={onBack}>
        {t('panel.history.back')}
      </Button>
      <h2 id="past-meeting-heading" className={styles.heading}>
        {meeting
          ? t('panel.history.meetingHeading', {
              when: meetingTime(meetingDate(meeting), tag),
              outcome: t(OUTCOME_LABELS[meeting.status]),
            })
          : t('panel.history.pastMeeting')}
      </h2>
      {meeting && <HeldSlotNote meeting={meeting} />}
      <h3 className={styles.subheading}>{t('panel.history.topics')}</h3>
      {topics.length === 0 && <Text className={styles.muted}>{t('panel.history.noTopics')}</Text>}
      <ul className={styles.list} aria-label={t('panel.history.topicsList')}>
        {topics.map((topic) => {
          // Compact: one line per topic; only topics with notes show them.
          const withNotes = visibleRecords(state, 'sharedNote').some(
            (n) => n.topicId === topic.id && n.text.trim() && !n.deletedAt,
          );
          return (
            <li key={topic.id} className={styles.topic} aria-label={topic.text}>
              <div className={styles.line}>
                <Text className={styles.grow}>{topic.text}</Text>
                <Badge appearance="outline" size="small">
                  {t(STATUS_LABELS[topic.status])}
                </Badge>
              </div>
              <Text size={200} className={styles.muted}>
                {t('panel.history.topicMeta', {
                  category: t(categoryOf(topic.category).label),
                  name: memberName(series, topic.addedBy, t),
                })}
              </Text>
              {withNotes && <TopicNotes topic={topic} readOnly />}
            </li>
          );
        })}
      </ul>
      <h3 className={styles.subheading}>{t('panel.history.itemsAgreed')}</h3>
      {items.length === 0 && <Text className={styles.muted}>{t('panel.history.none')}</Text>}
      <ul className={styles.list} aria-label={t('panel.history.itemsAgreed')}>
        {items.map((item) => (
          <li key={item.id}>
            <Text className={styles.text}>{`${item.doneAt ? '✓ ' : ''}${item.text}`}</Text>
            <Text size={200} className={styles.muted}>
              {' — '}
              {t('panel.history.itemMeta', {
                name: memberName(series, item.ownerId, t),
                date: item.dueDate ? formatDueDate(item.dueDate, tag) : '',
                due: item.dueDate ? 'yes' : 'no',
                done: item.doneAt ? 'yes' : 'no',
              })}
            </Text>
          </li>
        ))}
      </ul>
      {privateNote?.text && (
        <>
          <h3 className={styles.subheading}>{t('panel.change.privateNote')}</h3>
          <Text className={styles.text}>{privateNote.text}</Text>
        </>
      )}
    </article>
  );
}
