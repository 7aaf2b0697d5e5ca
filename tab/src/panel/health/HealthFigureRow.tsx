import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { AddRegular, CheckmarkCircleRegular, CircleRegular, EyeRegular, WarningRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { HealthFigure, HealthLevel } from '../../../../domain/health.js';
import type { MessageKey } from '../../../../i18n/keys.js';
import { useT } from '../../i18n/useT.js';
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
const LEVELS: Record<HealthLevel, { text: MessageKey; icon: ReactElement }> = {
  good: { text: 'panel.health.level.good', icon: <CheckmarkCircleRegular aria-hidden /> },
  watch: { text: 'panel.health.level.watch', icon: <EyeRegular aria-hidden /> },
  concern: { text: 'panel.health.level.concern', icon: <WarningRegular aria-hidden /> },
  none: { text: 'panel.health.level.none', icon: <CircleRegular aria-hidden /> },
};

/** What each figure counts, in words: "3 of 6 topics" alone does not say of what. */
function measured(figure: HealthFigure, reportName: string): string {
  // Who leads says it itself: "3 of 8 topics raised by Sam, 2 from templates".
  if (figure.value === null || figure.key === 'leadership') return figure.display;
  const what: Record<HealthFigure['key'], string> = {
    cadence: 'planned 1:1s held',
    leadership: `raised by ${reportName}`,
    balance: 'about growth, wellbeing or feedback',
    followThrough: 'action items done by their due date',
  };
  const count = figure.key === 'followThrough' ? figure.display.replace(/ on time$/, '') : figure.display;
  return `${count} ${what[figure.key]}`;
}

/** One figure as a sentence, its level in words (colour only repeats it), and its next step inline. */
export function HealthFigureRow({ figure }: { figure: HealthFigure }) {
  const styles = useStyles();
  const t = useT();
  const { actions, series } = useSeriesView();
  const level = { icon: LEVELS[figure.level].icon, text: t(LEVELS[figure.level].text) };
  const question = questionInNudge(figure.nudge);
  const report = series.members.find((m) => m.role === 'report')?.name ?? 'the report';
  const words = measured(figure, report);

  return (
    <li className={styles.row} aria-label={`${figure.label}: ${words}, ${level.text}`}>
      <Text size={200} className={styles.line}>
        <span className={mergeClasses(styles.level, styles[figure.level])}>
          {level.icon}
          {level.text}
        </span>
        <span className={styles.label}>{`${figure.label}:`}</span>
        <span>{words}.</span>
        <span className={styles.nudge}>{figure.nudge}</span>
      </Text>
      {question && (
        <Button
          className={styles.ask}
          size="small"
          appearance="transparent"
          icon={<AddRegular />}
          onClick={() => void actions.addTopic(question.text, question.category)}
        >
          {t('panel.health.ask', { question: question.text })}
        </Button>
      )}
    </li>
  );
}
