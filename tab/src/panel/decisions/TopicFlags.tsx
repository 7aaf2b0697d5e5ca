import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Topic } from '../../../../domain/entities.js';
import { needsDecision } from '../../../../domain/carryOver.js';
import { useT } from '../../i18n/useT.js';
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
export function DecisionPrompt({ topic }: { topic: Topic }) {
  const styles = useStyles();
  const t = useT();
  const text = { text: topic.text };
  const { actions } = useSeriesView();
  const [decided, setDecided] = useState(false);
  if (!needsDecision(topic) || topic.status !== 'open') return null;
  if (decided) {
    return (
      <Text size={200} role="status">
        {t('panel.decide.moved')}
      </Text>
    );
  }

  return (
    <div className={styles.decide} role="group" aria-label={t('panel.decide.group', text)}>
      <Text size={200} weight="semibold" className={styles.prompt}>
        <WarningRegular aria-hidden />
        {t('panel.decide.prompt')}
      </Text>
      <div className={styles.buttons}>
        <Button
          size="small"
          aria-label={t('panel.decide.discussLabel', text)}
          onClick={() => {
            setDecided(true);
            void actions.moveTopic(topic.id, null);
          }}
        >
          {t('panel.decide.discuss')}
        </Button>
        <Button
          size="small"
          aria-label={t('panel.decide.dropLabel', text)}
          onClick={() => void actions.deleteTopic(topic.id)}
        >
          {t('panel.decide.drop')}
        </Button>
        <Button
          size="small"
          aria-label={t('panel.decide.parkLabel', text)}
          onClick={() => void actions.setTopicStatus(topic.id, 'deferred')}
        >
          {t('panel.decide.park')}
        </Button>
      </div>
    </div>
  );
}
