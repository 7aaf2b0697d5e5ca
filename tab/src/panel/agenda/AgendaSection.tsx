import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { Suspense, type FocusEvent } from 'react';
import { meetingDate } from '../../../../domain/meetingDate.js';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { selectAgenda } from '../../store/selectors.js';
import { mutedText, plainList, sectionHeading, stack } from '../../ui/styles.js';
import { HeldSlotNote } from '../header/HeldSlotNote.js';
import { TemplatePicker } from '../lazySections.js';
import { useSeriesView } from '../SeriesContext.js';
import { AddTopicForm } from './AddTopicForm.js';
import { ShortcutsButton, ShortcutsHelp, useKeyboardShortcuts } from './KeyboardShortcuts.js';
import { TopicRow } from './TopicRow.js';
import { useAgendaDrag } from './useAgendaDrag.js';
import { useAgendaFocus } from './useAgendaFocus.js';

const useStyles = makeStyles({
  section: stack(tokens.spacingVerticalS),
  top: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  heading: sectionHeading,
  progress: mutedText,
  list: plainList(tokens.spacingVerticalXS),
  empty: mutedText,
});

/** The shared agenda of the current meeting, in the order both panels agree on; while live, the topic at hand stands out. */
export function AgendaSection({ live }: { live: boolean }) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const { state, actions, series, viewer } = useSeriesView();
  const agenda = selectAgenda(state);
  const meeting = state.records.meeting[series.currentMeetingId];
  const shortcuts = useKeyboardShortcuts();
  const focus = useAgendaFocus(agenda, actions, state.pending);
  const dragProps = useAgendaDrag(agenda, (topicId, afterId) => void actions.moveTopic(topicId, afterId));
  const discussed = agenda.filter((t) => t.status === 'discussed').length;
  const currentId = live ? agenda.find((t) => t.status === 'open')?.id : undefined;

  const forgetTarget = (event: FocusEvent) => {
    if (event.relatedTarget !== null) focus.forget();
  };

  return (
    <section data-shortcut-scope className={styles.section} aria-labelledby="agenda-heading">
      <div className={styles.top}>
        <h2 id="agenda-heading" className={styles.heading}>
          {meeting
            ? t('panel.agenda.headingOn', {
                date: new Date(meetingDate(meeting)).toLocaleDateString(tag, { dateStyle: 'medium' }),
              })
            : t('panel.agenda.heading')}
        </h2>
        <ShortcutsButton open={shortcuts.open} toggle={shortcuts.toggle} />
      </div>
      {meeting && <HeldSlotNote meeting={meeting} />}
      {shortcuts.open && <ShortcutsHelp close={shortcuts.close} />}
      {live && agenda.length > 0 && (
        <Text size={200} className={styles.progress} role="status">
          {t('panel.agenda.progress', { discussed, total: agenda.length })}
        </Text>
      )}
      {agenda.length === 0 ? (
        <Text className={styles.empty}>{t('panel.agenda.empty', { role: viewer.role })}</Text>
      ) : (
        <ol className={styles.list} aria-label={t('panel.agenda.topics')} onBlur={forgetTarget}>
          {agenda.map((topic, index) => (
            <TopicRow
              key={topic.id}
              ref={focus.rowRef(topic.id)}
              topic={topic}
              active={focus.active === topic.id}
              current={currentId === topic.id}
              isFirst={index === 0}
              isLast={index === agenda.length - 1}
              drag={dragProps(topic)}
              onKeyDown={(event, open, setOpen) => focus.onKeyDown(index, event, open, setOpen)}
              onFocus={() => focus.setActiveId(topic.id)}
              onMove={(to) => focus.move(index, to)}
              onDelete={() => focus.remove(index)}
            />
          ))}
        </ol>
      )}
      <AddTopicForm />
      <Suspense fallback={null}>
        <TemplatePicker initiallyOpen={agenda.length === 0} />
      </Suspense>
    </section>
  );
}
