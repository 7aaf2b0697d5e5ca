import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { seriesHealth } from '../../../../domain/health.js';
import { selectMeetings } from '../../store/meetingSelectors.js';
import { visibleRecords } from '../../store/selectors.js';
import { useSeriesView } from '../SeriesContext.js';
import { HealthFigureRow } from './HealthFigureRow.js';
import { outlinedBox, plainList, sectionHeading } from '../../ui/styles.js';

const useStyles = makeStyles({
  strip: outlinedBox(),
  top: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  heading: sectionHeading,
  list: plainList(tokens.spacingVerticalS),
});

/**
 * The 1:1 health strip: cadence kept, who leads, balance and follow-through,
 * each with its level and one next step. Compact by default; the nudges open
 * on demand so the agenda stays in view.
 */
export function HealthStrip() {
  const styles = useStyles();
  const { state, series } = useSeriesView();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const figures = seriesHealth({
    series,
    meetings: selectMeetings(state),
    topics: visibleRecords(state, 'topic'),
    actionItems: visibleRecords(state, 'actionItem').filter((a) => !a.deletedAt),
    now: new Date(),
  });

  return (
    <section className={styles.strip} aria-labelledby="health-heading">
      <div className={styles.top}>
        <h2 id="health-heading" className={styles.heading}>
          1:1 health
        </h2>
        <Button
          size="small"
          appearance="subtle"
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen((o) => !o)}
        >
          {open ? 'Hide tips' : 'Show tips'}
        </Button>
      </div>
      <ul id={listId} className={styles.list} aria-label="1:1 health figures">
        {figures.map((figure) => (
          <HealthFigureRow key={figure.key} figure={figure} showNudge={open} />
        ))}
      </ul>
    </section>
  );
}
