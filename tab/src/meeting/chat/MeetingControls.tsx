import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { messageOf } from '../../api/http.js';
import type { MessageKey } from '../../../../i18n/keys.js';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { Notice } from '../../ui/Notice.js';
import { sendMeetingEvent, type ClockOutcome, type MeetingEvent } from './chatApi.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const CONTROLS: { event: MeetingEvent; label: MessageKey }[] = [
  { event: 'meeting/start', label: 'pages.controls.start' },
  { event: 'meeting/end', label: 'pages.controls.end' },
  { event: 'clock/advance-to-prompt', label: 'pages.controls.advanceClock' },
];

/**
 * What Teams and time would do in a real meeting: the meeting starts and
 * ends, and the day before it the bot posts its prompt.
 */
export function MeetingControls({ onDone }: { onDone: () => Promise<unknown> }) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const [busy, setBusy] = useState<MeetingEvent | undefined>();
  const [error, setError] = useState<{ action: MessageKey; reason: string } | undefined>();
  const [clock, setClock] = useState<ClockOutcome | undefined>();

  const run = (event: MeetingEvent, label: MessageKey) => {
    setBusy(event);
    setError(undefined);
    setClock(undefined);
    sendMeetingEvent(event)
      .then((outcome) => {
        setClock(outcome);
        return onDone();
      })
      .catch((e: unknown) => setError({ action: label, reason: messageOf(e) }))
      .finally(() => setBusy(undefined));
  };

  // Worded at render time, so a notice already shown follows a change of language.
  const clockNow = clock && new Date(clock.now).toLocaleString(tag, { dateStyle: 'medium', timeStyle: 'short' });

  return (
    <>
      <div className={styles.bar} role="group" aria-label={t('pages.controls.group')}>
        {CONTROLS.map(({ event, label }) => (
          <Button key={event} disabledFocusable={busy !== undefined} onClick={() => run(event, label)}>
            {t(label)}
          </Button>
        ))}
      </div>
      {clock && (
        <Notice intent="info" onDismiss={() => setClock(undefined)} dismissLabel={t('pages.dismiss')}>
          {t(clock.prompted ? 'pages.controls.clockPrompted' : 'pages.controls.clockNothingDue', {
            now: clockNow ?? '',
          })}
        </Notice>
      )}
      {error && (
        <Notice intent="error" onDismiss={() => setError(undefined)} dismissLabel={t('pages.dismiss')}>
          {t('pages.controls.failed', { action: t(error.action), reason: error.reason })}
        </Notice>
      )}
    </>
  );
}
