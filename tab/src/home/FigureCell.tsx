import { makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import type { HomeFigure } from '../../../domain/home.js';
import { Sparkline } from './Sparkline.js';

const useStyles = makeStyles({
  cell: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '110px' },
  label: { color: tokens.colorNeutralForeground2 },
  good: { color: tokens.colorStatusSuccessForeground1 },
  watch: { color: tokens.colorStatusWarningForeground1 },
  concern: { color: tokens.colorStatusDangerForeground3 },
  none: { color: tokens.colorNeutralForeground2 },
});

const LEVEL_WORD = { good: 'Good', watch: 'Watch', concern: 'Needs attention', none: 'Not yet' } as const;

/** One health figure of a 1:1: its value now, its level in words, and its trend. */
export function FigureCell({ figure }: { figure: HomeFigure }) {
  const styles = useStyles();
  return (
    <div
      className={styles.cell}
      role="group"
      aria-label={`${figure.label}: ${figure.display}, ${LEVEL_WORD[figure.level]}`}
    >
      <Text size={200} className={styles.label}>
        {figure.label}
      </Text>
      <Text size={300} weight="semibold" className={mergeClasses(styles[figure.level])}>
        {figure.display}
      </Text>
      <Sparkline figure={figure} />
    </div>
  );
}
