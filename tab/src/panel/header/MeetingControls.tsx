import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CalendarCancelRegular, PlayRegular, RecordStopRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { Meeting } from '../../../../domain/entities.js';
import { meetingDate } from '../../../../domain/meetingDate.js';
import { useSeriesView } from '../SeriesContext.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  confirm: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
});

type Asking = 'end' | 'skip' | null;

/** "Thu 3 Dec" in the viewer's own locale and time zone. */
function shortDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
}

/**
 * Starting and closing the meeting, with an inline confirmation (no modal
 * in a side panel). End is offered only while the meeting is live (Teams'
 * start event or Start here); before that, Start or Skip. Every action names
 * its meeting, so a resend never acts on the next one.
 */
export function MeetingControls({ meeting }: { meeting: Meeting }) {
  const styles = useStyles();
  const { actions } = useSeriesView();
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const live = meeting.status === 'live';
  const day = shortDay(meetingDate(meeting));

  const close = () => {
    setAsking(null);
    requestAnimationFrame(() => opener.current?.focus());
  };
  const run = (change: () => Promise<boolean>) => {
    setBusy(true);
    void change().then(() => {
      setBusy(false);
      close();
    });
  };

  if (asking) {
    const ending = asking === 'end';
    return (
      <div className={styles.confirm} role="group" aria-label={ending ? 'Confirm ending the 1:1' : 'Confirm skipping'}>
        <Text>
          {ending
            ? `End the 1:1 of ${day}? Topics not marked discussed carry over to the next one.`
            : `Skip the 1:1 of ${day}? Its open topics move to the next one.`}
        </Text>
        <div className={styles.row}>
          <Button
            appearance="primary"
            size="small"
            disabled={busy}
            autoFocus
            onClick={() =>
              run(ending ? () => actions.endMeeting(meeting.id) : () => actions.skipMeeting(meeting.id, 'skipped'))
            }
          >
            {ending ? 'Yes, end the 1:1' : 'Yes, skip it'}
          </Button>
          <Button size="small" disabled={busy} onClick={close}>
            {ending ? 'Keep going' : 'Keep it'}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className={styles.row}>
      {live ? (
        <Button ref={opener} size="small" icon={<RecordStopRegular />} onClick={() => setAsking('end')}>
          End 1:1
        </Button>
      ) : (
        <>
          <Button
            ref={opener}
            size="small"
            icon={<PlayRegular />}
            disabled={busy}
            onClick={() => run(() => actions.startMeeting(meeting))}
          >
            Start 1:1
          </Button>
          <Button size="small" appearance="subtle" icon={<CalendarCancelRegular />} onClick={() => setAsking('skip')}>
            Skip this one
          </Button>
        </>
      )}
    </div>
  );
}
