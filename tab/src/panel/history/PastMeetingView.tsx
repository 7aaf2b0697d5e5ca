import { Badge, Button, makeStyles, Text, tokens, typographyStyles } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { selectItemsAgreedIn, selectPrivateNote, selectTopicsOf } from '../../store/meetingSelectors.js';
import { memberName, visibleRecords } from '../../store/selectors.js';
import { formatDueDate } from '../actionItems/dates.js';
import { categoryOf, STATUS_LABELS } from '../agenda/categories.js';
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
  const { state, series, viewer } = useSeriesView();
  const back = useRef<HTMLButtonElement>(null);
  const meeting = state.records.meeting[meetingId];
  const topics = selectTopicsOf(state, meetingId);
  const items = selectItemsAgreedIn(state, meetingId);
  const privateNote = selectPrivateNote(state, meetingId, viewer.userId);

  useEffect(() => back.current?.focus(), []);

  return (
    <article className={styles.view} aria-labelledby="past-meeting-heading">
      <Button ref={back} className={styles.back} icon={<ArrowLeftRegular />} onClick={onBack}>
        Back to the current meeting
      </Button>
      <h2 id="past-meeting-heading" className={styles.heading}>
        {meeting ? `1:1 of ${meetingTime(meeting.scheduledStart)} · ${OUTCOME_LABELS[meeting.status]}` : 'Past 1:1'}
      </h2>
      <h3 className={styles.subheading}>Topics</h3>
      {topics.length === 0 && <Text className={styles.muted}>No topics were on this agenda.</Text>}
      <ul className={styles.list} aria-label="Topics of this meeting">
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
                  {STATUS_LABELS[topic.status]}
                </Badge>
              </div>
              <Text size={200} className={styles.muted}>
                {`${categoryOf(topic.category).label} · by ${memberName(series, topic.addedBy)}`}
              </Text>
              {withNotes && <TopicNotes topic={topic} readOnly />}
            </li>
          );
        })}
      </ul>
      <h3 className={styles.subheading}>Action items agreed</h3>
      {items.length === 0 && <Text className={styles.muted}>None.</Text>}
      <ul className={styles.list} aria-label="Action items agreed">
        {items.map((item) => (
          <li key={item.id}>
            <Text className={styles.text}>{`${item.doneAt ? '✓ ' : ''}${item.text}`}</Text>
            <Text size={200} className={styles.muted}>
              {` — ${memberName(series, item.ownerId)}${item.dueDate ? `, due ${formatDueDate(item.dueDate)}` : ''}${item.doneAt ? ', done' : ', open'}`}
            </Text>
          </li>
        ))}
      </ul>
      {privateNote?.text && (
        <>
          <h3 className={styles.subheading}>Your private notes</h3>
          <Text className={styles.text}>{privateNote.text}</Text>
        </>
      )}
    </article>
  );
}
