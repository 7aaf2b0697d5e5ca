import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { HomeFigure } from '../../../domain/home.js';
import type { MessageKey } from '../../../i18n/keys.js';
import { useT } from '../i18n/useT.js';
import { figureName, figureValue } from './domainText.js';
import { Sparkline } from './Sparkline.js';

const useStyles = makeStyles({
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '110px' },
  label: { color: tokens.colorNeutralForeground2 },
  good: { color: tokens.colorStatusSuccessForeground1 },
  watch: { color: tokens.colorStatusWarningForeground1 },
  concern: { color: tokens.colorStatusDangerForeground3 },
  none: { color: tokens.colorNeutralForeground2 },
});

const LEVEL_WORD: Record<HomeFigure['level'], MessageKey> = {
  good: 'home.level.good',
  watch: 'home.level.watch',
  concern: 'home.level.concern',
  none: 'home.level.none',
};

/** One health figure of a 1:1: its value now, its level in words, and its trend. */
export function FigureCell({ figure }: { figure: HomeFigure }) {
  const styles = useStyles();
  const t = useT();
  const name = figureName(figure, t);
  const value = figureValue(figure, t);
  return (
    <div
      className={styles.cell}
      role="group"
      aria-label={t('home.figure.label', { figure: name, value, level: t(LEVEL_WORD[figure.level]) })}
    >
      <Text size={200} className={styles.label}>
        {name}
      </Text>
      <Text size={300} weight="semibold" className={mergeClasses(styles[figure.level])}>
        {value}
      </Text>
      <Sparkline name={name} trend={figure.trend} />
    </div>
  );
}
