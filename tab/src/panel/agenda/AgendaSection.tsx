import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { Suspense, useLayoutEffect, useRef, useState, type FocusEvent } from 'react';
import { selectAgenda } from '../../store/selectors.js';
import { UndoDeleteBar } from '../decisions/UndoDeleteBar.js';
import { TemplatePicker } from '../lazySections.js';
import { useSeriesView } from '../SeriesContext.js';
import { AddTopicForm } from './AddTopicForm.js';
import { TopicItem, type MoveControl } from './TopicItem.js';
import { useAgendaDrag } from './useAgendaDrag.js';
import { mutedText, plainList, sectionHeading, stack } from '../../ui/styles.js';

const useStyles = makeStyles({
  section: stack(tokens.spacingVerticalS),
  heading: sectionHeading,
  list: plainList(tokens.spacingVerticalS),
  empty: mutedText,
});

interface Refocus {
  topicId: string;
  control: MoveControl;
}

/** The shared agenda of the current meeting, in the order both panels agree on. */
export function AgendaSection() {
  const styles = useStyles();
  const { state, actions, series, viewer } = useSeriesView();
  const agenda = selectAgenda(state);
  const meeting = state.records.meeting[series.currentMeetingId];
  const items = useRef(new Map<string, HTMLLIElement>());
  // Reordering moves DOM nodes, which drops focus; put it back where the person was.
  const [refocus, setRefocus] = useState<Refocus | null>(null);

  useLayoutEffect(() => {
    if (!refocus) return;
    const item = items.current.get(refocus.topicId);
    const target =
      refocus.control === 'item'
        ? item
        : (item?.querySelector<HTMLElement>(`[data-move="${refocus.control}"]:not(:disabled)`) ?? item);
    if (target && document.activeElement !== target) target.focus();
    // Once the server's order has landed, focus stays put by itself.
    if (!(refocus.topicId in state.pending)) setRefocus(null);
  });

  const move = (index: number, direction: -1 | 1, control: MoveControl) => {
    const topic = agenda[index];
    const target = index + direction;
    if (!topic || target < 0 || target >= agenda.length) return;
    const afterId = direction === -1 ? (agenda[index - 2]?.id ?? null) : agenda[index + 1]!.id;
    setRefocus({ topicId: topic.id, control });
    void actions.moveTopic(topic.id, afterId);
  };

  const dragProps = useAgendaDrag(agenda, (topicId, afterId) => void actions.moveTopic(topicId, afterId));

  const forgetRefocus = (event: FocusEvent) => {
    if (event.relatedTarget !== null) setRefocus(null);
  };

  return (
    <section className={styles.section} aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" className={styles.heading}>
        Agenda
        {meeting && ` · ${new Date(meeting.scheduledStart).toLocaleDateString(undefined, { dateStyle: 'medium' })}`}
      </h2>
      {agenda.length === 0 ? (
        <Text className={styles.empty}>
          {viewer.role === 'report'
            ? 'Nothing on the agenda yet. This is your meeting: add the first topic you want to talk about.'
            : 'Nothing on the agenda yet. Your report’s topics come first; you can add yours too.'}
        </Text>
      ) : (
        <ol className={styles.list} aria-label="Agenda topics" onBlur={forgetRefocus}>
          {agenda.map((topic, index) => (
            <TopicItem
              key={topic.id}
              ref={(node) => {
                if (node) items.current.set(topic.id, node);
                else items.current.delete(topic.id);
              }}
              topic={topic}
              isFirst={index === 0}
              isLast={index === agenda.length - 1}
              drag={dragProps(topic)}
              onMove={(direction, control) => move(index, direction, control)}
            />
          ))}
        </ol>
      )}
      <UndoDeleteBar />
      <AddTopicForm />
      <Suspense fallback={null}>
        <TemplatePicker initiallyOpen={agenda.length === 0} />
      </Suspense>
    </section>
  );
}
