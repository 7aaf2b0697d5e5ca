import { makeStyles, tokens } from '@fluentui/react-components';
import { useLocale } from '../i18n/I18nRoot.js';
import { useT } from '../i18n/useT.js';
import { trendLabel } from './format.js';

const useStyles = makeStyles({
  svg: { display: 'block', overflow: 'visible' },
  line: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: '1.5px' },
  dot: { fill: tokens.colorBrandForeground1 },
  base: { stroke: tokens.colorNeutralStroke2, strokeWidth: '1px' },
});

const WIDTH = 80;
const HEIGHT = 20;

/**
 * A figure's last meetings at a glance. The picture is decoration for
 * sighted readers; its accessible name carries the same numbers.
 */
export function Sparkline({ name, trend }: { name: string; trend: readonly (number | null)[] }) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const points = trend;
  const step = points.length > 1 ? WIDTH / (points.length - 1) : 0;
  const coords = points.map((v, i) => (v === null ? undefined : { x: i * step, y: HEIGHT - v * HEIGHT }));
  const path = coords
    .map((c, i) => (c ? `${i === 0 || !coords[i - 1] ? 'M' : 'L'}${c.x.toFixed(1)},${c.y.toFixed(1)}` : ''))
    .join(' ');
  const last = coords.at(-1);
  return (
    <svg className={styles.svg} width={WIDTH} height={HEIGHT} role="img" aria-label={trendLabel(name, trend, t, tag)}>
      <line className={styles.base} x1={0} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} />
      {path && <path className={styles.line} d={path} />}
      {last && <circle className={styles.dot} cx={last.x} cy={last.y} r={2} />}
    </svg>
  );
}
