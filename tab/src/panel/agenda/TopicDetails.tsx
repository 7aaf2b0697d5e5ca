import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { Topic } from '../../../../domain/entities.js';
import { memberName } from '../../store/selectors.js';
import { DecisionPrompt } from '../decisions/TopicFlags.js';
import { AddActionItemForm, TopicNotes } from '../lazySections.js';
import { useSeriesView } from '../SeriesContext.js';
import { categoryOf, STATUS_LABELS } from './categories.js';
import { TopicTextEditor } from './TopicTextEditor.js';

/** What an opened topic shows under its row: details and notes, the text editor, or a new action item. */
export type TopicOpen = 'details' | 'edit' | 'actionItem' | null;

const useStyles = makeStyles({
  details: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS}`,
  },
  meta: { color: tokens.colorNeutralForeground2 },
});

interface TopicDetailsProps {
  topic: Topic;
  open: Exclude<TopicOpen, null>;
  setOpen(open: TopicOpen): void;
}

export function TopicDetails({ topic, open, setOpen }: TopicDetailsProps) {
  const styles = useStyles();
  const { series } = useSeriesView();
  const quoted = `“${topic.text}”`;
  const facts = [
    `by ${memberName(series, topic.addedBy)}`,
    categoryOf(topic.category).label,
    topic.status === 'open' ? undefined : STATUS_LABELS[topic.status],
    topic.carriedOverCount > 0 ? `carried over ×${topic.carriedOverCount}` : undefined,
  ].filter(Boolean);
  // Closing the editor or the form hands focus back to the topic's row, never to the top of the page.
  const back = () => {
    setOpen('details');
    requestAnimationFrame(() =>
      document.querySelector<HTMLElement>(`li[data-topic-id="${CSS.escape(topic.id)}"]`)?.focus(),
    );
  };

  return (
    <div className={styles.details}>
      <Text size={200} className={styles.meta}>
        {facts.join(' · ')}
      </Text>
      <DecisionPrompt topic={topic} quoted={quoted} />
      {open === 'edit' && <TopicTextEditor topic={topic} onDone={back} />}
      <Suspense fallback={<Spinner size="tiny" label="Opening…" />}>
        {open === 'actionItem' && <AddActionItemForm topic={topic} onAdded={back} />}
        <TopicNotes topic={topic} />
      </Suspense>
    </div>
  );
}
