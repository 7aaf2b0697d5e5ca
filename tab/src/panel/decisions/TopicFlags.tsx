import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Topic } from '../../../../domain/entities.js';
import { needsDecision } from '../../../../domain/carryOver.js';
import { useSeriesView } from '../SeriesContext.js';

const useStyles = makeStyles({
  decide: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStrokeAccessible}`,
  },
  prompt: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

/**
 * A topic carried over again and again needs a decision, not another carry:
 * discuss it now (it moves to the top), drop it (undoable) or park it.
 */
export function DecisionPrompt({ topic, quoted }: { topic: Topic; quoted: string }) {
  const styles = useStyles();
  const { actions } = useSeriesView();
  const [decided, setDecided] = useState(false);
  if (!needsDecision(topic) || topic.status !== 'open') return null;
  if (decided) {
    return (
      <Text size={200} role="status">
        Moved to the top of the agenda: talk about it now.
      </Text>
    );
  }

  return (
    <div className={styles.decide} role="group" aria-label={`Decide about ${quoted}`}>
      <Text size={200} weight="semibold" className={styles.prompt}>
        <WarningRegular aria-hidden />
        Decide: discuss, drop or park
      </Text>
      <div className={styles.buttons}>
        <Button
          size="small"
          aria-label={`Discuss ${quoted} now`}
          onClick={() => {
            setDecided(true);
            void actions.moveTopic(topic.id, null);
          }}
        >
          Discuss now
        </Button>
        <Button size="small" aria-label={`Drop ${quoted}`} onClick={() => void actions.deleteTopic(topic.id)}>
          Drop
        </Button>
        <Button
          size="small"
          aria-label={`Park ${quoted}`}
          onClick={() => void actions.setTopicStatus(topic.id, 'deferred')}
        >
          Park
        </Button>
      </div>
    </div>
  );
}
