import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { AddRegular, CheckmarkCircleRegular, CircleRegular, EyeRegular, WarningRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { HealthFigure, HealthLevel } from '../../../../domain/health.js';
import { useSeriesView } from '../SeriesContext.js';
import { questionInNudge } from './nudgeQuestion.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  label: { fontWeight: tokens.fontWeightSemibold },
  level: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  good: { color: tokens.colorStatusSuccessForeground1 },
  watch: { color: tokens.colorStatusWarningForeground1 },
  concern: { color: tokens.colorStatusDangerForeground1 },
  none: { color: tokens.colorNeutralForeground2 },
  nudge: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  ask: { alignSelf: 'flex-start', textAlign: 'start', height: 'auto' },
});

/** Icon and word for each level: the colour only repeats what they already say. */
const LEVELS: Record<HealthLevel, { text: string; icon: ReactElement }> = {
  good: { text: 'Good', icon: <CheckmarkCircleRegular aria-hidden /> },
  watch: { text: 'Watch', icon: <EyeRegular aria-hidden /> },
  concern: { text: 'Needs attention', icon: <WarningRegular aria-hidden /> },
  none: { text: 'Not yet', icon: <CircleRegular aria-hidden /> },
};

export function HealthFigureRow({ figure, showNudge }: { figure: HealthFigure; showNudge: boolean }) {
  const styles = useStyles();
  const { actions } = useSeriesView();
  const level = LEVELS[figure.level];
  const question = questionInNudge(figure.nudge);

  return (
    <li className={styles.row} aria-label={`${figure.label}: ${figure.display}, ${level.text}`}>
      <Text size={200} className={styles.line}>
        <span className={styles.label}>{figure.label}</span>
        <span>{figure.display}</span>
        <span className={mergeClasses(styles.level, styles[figure.level])}>
          {level.icon}
          {level.text}
        </span>
      </Text>
      {showNudge && (
        <Text size={200} className={styles.nudge}>
          {figure.nudge}
        </Text>
      )}
      {question && (
        <Button
          className={styles.ask}
          size="small"
          appearance="transparent"
          icon={<AddRegular />}
          onClick={() => void actions.addTopic(question.text, question.category)}
        >
          {`Ask: ${question.text}`}
        </Button>
      )}
    </li>
  );
}
