import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { messageOf } from '../../api/http.js';
import { Notice } from '../../ui/Notice.js';
import { sendMeetingEvent, type MeetingEvent } from './chatApi.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const CONTROLS: { event: MeetingEvent; label: string }[] = [
  { event: 'meeting/start', label: 'Start meeting' },
  { event: 'meeting/end', label: 'End meeting' },
  { event: 'clock/advance-to-prompt', label: 'Advance clock to the pre-meeting prompt' },
];

/**
 * What Teams and time would do in a real meeting: the meeting starts and
 * ends, and the day before it the bot posts its prompt.
 */
export function MeetingControls({ onDone }: { onDone: () => Promise<unknown> }) {
  const styles = useStyles();
  const [busy, setBusy] = useState<MeetingEvent | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState<string | undefined>();

  const run = (event: MeetingEvent, label: string) => {
    setBusy(event);
    setError(undefined);
    setStatus(undefined);
    sendMeetingEvent(event)
      .then((outcome) => {
        setStatus(outcome);
        return onDone();
      })
      .catch((e: unknown) => setError(`${label} did not work: ${messageOf(e)}`))
      .finally(() => setBusy(undefined));
  };

  return (
    <>
      <div className={styles.bar} role="group" aria-label="Meeting controls">
        {CONTROLS.map(({ event, label }) => (
          <Button key={event} disabledFocusable={busy !== undefined} onClick={() => run(event, label)}>
            {label}
          </Button>
        ))}
      </div>
      {status && (
        <Notice intent="info" onDismiss={() => setStatus(undefined)}>
          {status}
        </Notice>
      )}
      {error && (
        <Notice intent="error" onDismiss={() => setError(undefined)}>
          {error}
        </Notice>
      )}
    </>
  );
}
