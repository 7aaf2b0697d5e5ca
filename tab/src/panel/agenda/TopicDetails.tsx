import { makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { Suspense } from 'react';
import type { Topic } from '../../../../domain/entities.js';
import { useT } from '../../i18n/useT.js';
import { memberName } from '../../store/selectors.js';
import { DecisionPrompt } from '../decisions/TopicFlags.js';
import { AddActionItemForm, TopicNotes } from '../lazySections.js';
import { useSeriesView } from '../SeriesContext.js';
import { categoryOf } from './categories.js';
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
  const t = useT();
  const { series } = useSeriesView();
  const facts = t('panel.topic.facts', {
    name: memberName(series, topic.addedBy, t),
    category: t(categoryOf(topic.category).label),
    status: topic.status,
    carried: topic.carriedOverCount,
  });
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
        {facts}
      </Text>
      <DecisionPrompt topic={topic} />
      {open === 'edit' && <TopicTextEditor topic={topic} onDone={back} />}
      <Suspense fallback={<Spinner size="tiny" label={t('panel.opening')} />}>
        {open === 'actionItem' && <AddActionItemForm topic={topic} onAdded={back} />}
        <TopicNotes topic={topic} />
      </Suspense>
    </div>
  );
}
