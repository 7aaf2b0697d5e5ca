import { Badge, Button, makeStyles, Spinner, Text, tokens, typographyStyles } from '@fluentui/react-components';
import { CalendarEditRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useId, useState } from 'react';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
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
  const t = useT();
  const { tag } = useLocale();
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
          {live
            ? t('panel.meeting.underWay')
            : t('panel.meeting.next', { when: meetingTime(meeting.scheduledStart, tag, zone) })}
          {!live && zone !== series.cadence.timeZone && (
            <Text size={200}> {t('panel.meeting.yourTime', { zone })}</Text>
          )}
        </p>
      )}
      <div className={styles.row}>
        {live && (
          <Badge appearance="filled" color="danger">
            {t('panel.meeting.liveBadge')}
          </Badge>
        )}
        <Text size={200} className={styles.cadence}>
          {cadenceInWords(series.cadence, t, tag)}
        </Text>
        <Button
          size="small"
          appearance="subtle"
          icon={<CalendarEditRegular />}
          aria-expanded={editing}
          aria-controls={formId}
          onClick={() => setEditing((open) => !open)}
        >
          {t('panel.cadence.change')}
        </Button>
      </div>
      {editing && (
        <div id={formId}>
          <Suspense fallback={<Spinner size="tiny" label={t('panel.cadence.opening')} />}>
            <CadenceForm onDone={() => setEditing(false)} />
          </Suspense>
        </div>
      )}
      {meeting && <MeetingControls meeting={meeting} />}
    </div>
  );
}
