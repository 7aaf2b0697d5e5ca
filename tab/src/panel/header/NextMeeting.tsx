import { Badge, Button, makeStyles, Spinner, Text, tokens, typographyStyles } from '@fluentui/react-components';
import { CalendarEditRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useId, useState } from 'react';
import { selectCurrentMeeting } from '../../store/meetingSelectors.js';
import { useSeriesView } from '../SeriesContext.js';
import { cadenceInWords, meetingTime, viewerTimeZone } from './cadenceText.js';
import { MeetingControls } from './MeetingControls.js';

// The editor is opened rarely; its form controls stay out of the panel's first load.
const CadenceForm = lazy(() => import('./CadenceForm.js').then((m) => ({ default: m.CadenceForm })));

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  when: { ...typographyStyles.body1Strong, margin: 0 },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  cadence: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
});

/** When the 1:1 happens next (in the viewer's time zone), its rhythm, and the controls to change or close it. */
export function NextMeeting() {
  const styles = useStyles();
  const { state, series } = useSeriesView();
  const meeting = selectCurrentMeeting(state);
  const [editing, setEditing] = useState(false);
  const formId = useId();
  const zone = viewerTimeZone();
  const live = meeting?.status === 'live';

  return (
    <div className={styles.block}>
      {meeting && (
        <p className={styles.when}>
          {live ? 'This 1:1 is under way' : `Next 1:1: ${meetingTime(meeting.scheduledStart, zone)}`}
          {!live && zone !== series.cadence.timeZone && <Text size={200}>{` (your time, ${zone})`}</Text>}
        </p>
      )}
      <div className={styles.row}>
        {live && (
          <Badge appearance="filled" color="danger">
            Live
          </Badge>
        )}
        <Text size={200} className={styles.cadence}>
          {cadenceInWords(series.cadence)}
        </Text>
        <Button
          size="small"
          appearance="subtle"
          icon={<CalendarEditRegular />}
          aria-expanded={editing}
          aria-controls={formId}
          onClick={() => setEditing((open) => !open)}
        >
          Change schedule
        </Button>
      </div>
      {editing && (
        <div id={formId}>
          <Suspense fallback={<Spinner size="tiny" label="Opening the schedule…" />}>
            <CadenceForm onDone={() => setEditing(false)} />
          </Suspense>
        </div>
      )}
      {meeting && <MeetingControls meeting={meeting} />}
    </div>
  );
}
