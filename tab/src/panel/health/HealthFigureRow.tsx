import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { AddRegular, CheckmarkCircleRegular, CircleRegular, EyeRegular, WarningRegular } from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { HealthFigure, HealthLevel } from '../../../../domain/health.js';
import { questionById, questionText } from '../../../../domain/questions.js';
import type { MessageKey } from '../../../../i18n/keys.js';
import { useT, type Translate } from '../../i18n/useT.js';
import { useSeriesView } from '../SeriesContext.js';

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

/**
 * What each figure counts, in words: "3 of 6" alone does not say of what.
 * The panel's sentence takes the figure's own counts; a figure without a
 * count (nothing due yet), or one that says it itself (who leads), reads as
 * the domain words it.
 */
const MEASURED: Partial<Record<MessageKey, MessageKey>> = {
  'domain.health.cadence.display.kept': 'panel.health.measured.cadence',
  'domain.health.balance.display': 'panel.health.measured.balance',
  'domain.health.followThrough.display': 'panel.health.measured.followThrough',
};

function measured(figure: HealthFigure, t: Translate): string {
  const sentence = figure.value === null ? undefined : MEASURED[figure.displayText.key];
  return sentence ? t(sentence, figure.displayText.values) : t(figure.displayText);
}

/** One figure as a sentence, its level in words (colour only repeats it), and its next step inline. */
export function HealthFigureRow({ figure }: { figure: HealthFigure }) {
  const styles = useStyles();
  const t = useT();
  const { actions } = useSeriesView();
  const level = { icon: LEVELS[figure.level].icon, text: t(LEVELS[figure.level].text) };
  const label = t(figure.labelText);
  const words = measured(figure, t);
  const asked = figure.askQuestionId === undefined ? undefined : questionById(figure.askQuestionId);
  const question = asked && { text: t(questionText(asked)), category: asked.category };

  return (
    <li className={styles.row} aria-label={t('panel.health.figure', { label, words, level: level.text })}>
      <Text size={200} className={styles.line}>
        <span className={mergeClasses(styles.level, styles[figure.level])}>
          {level.icon}
          {level.text}
        </span>
        <span className={styles.label}>{t('panel.health.label', { label })}</span>
        <span>{t('panel.health.words', { words })}</span>
        <span className={styles.nudge}>{t(figure.nudgeText)}</span>
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
