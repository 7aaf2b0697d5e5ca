import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowRepeatAllRegular, WarningRegular } from '@fluentui/react-icons';
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

/** "carried over ×N": how many meetings this topic has travelled through without being discussed. */
export function CarriedOverBadge({ topic }: { topic: Topic }) {
  if (topic.carriedOverCount === 0) return null;
  return (
    <Badge appearance="outline" color="informative" size="small" icon={<ArrowRepeatAllRegular />}>
      {`carried over ×${topic.carriedOverCount}`}
    </Badge>
  );
}

/**
 * A topic carried over again and again needs a decision, not another carry:
 * discuss it now (it moves to the top), drop it (undoable) or park it.
 */
export function DecisionPrompt({ topic, quoted }: { topic: Topic; quoted: string }) {
  const styles = useStyles();
  const { actions } = useSeriesView();
  if (!needsDecision(topic) || topic.status !== 'open') return null;

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
          onClick={() => void actions.moveTopic(topic.id, null)}
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
