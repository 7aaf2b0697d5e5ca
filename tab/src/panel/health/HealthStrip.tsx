import { makeStyles, tokens } from '@fluentui/react-components';
import { Disclosure } from '../../ui/Disclosure.js';
import { useT } from '../../i18n/useT.js';
import { useDomainTexts } from '../domainTexts.js';
import { useSeriesView } from '../SeriesContext.js';
import { HealthFigureRow } from './HealthFigureRow.js';
import { panelHealth } from './panelHealth.js';
import { outlinedBox, plainList, sectionHeading } from '../../ui/styles.js';

const useStyles = makeStyles({
  strip: outlinedBox(),
  top: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  heading: sectionHeading,
  list: plainList(tokens.spacingVerticalS),
});

/**
 * The 1:1 health strip: cadence kept, who leads, balance and follow-through,
 * each said in words with its level and its next step inline. Before there
 * is anything to measure it is one line that opens to the starting tips.
 */
export function HealthStrip() {
  useDomainTexts();
  const styles = useStyles();
  const t = useT();
  const { state } = useSeriesView();
  const figures = panelHealth(state, new Date());

  const measured = figures.filter((f) => f.level !== 'none');
  // A new 1:1 has nothing to measure: one line, not four rows of "Not yet".
  const list = (
    <ul className={styles.list} aria-label={t('panel.health.figures')}>
      {figures.map((figure) => (
        <HealthFigureRow key={figure.key} figure={figure} />
      ))}
    </ul>
  );

  return (
    <section className={styles.strip} aria-labelledby="health-heading">
      <h2 id="health-heading" className={styles.heading}>
        {t('panel.health.heading')}
      </h2>
      {measured.length === 0 ? <Disclosure summary={t('panel.health.notYet')}>{list}</Disclosure> : list}
    </section>
  );
}
