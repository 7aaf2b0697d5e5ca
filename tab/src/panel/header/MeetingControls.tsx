import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CalendarCancelRegular, PlayRegular, RecordStopRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { Meeting } from '../../../../domain/entities.js';
import { meetingDate } from '../../../../domain/meetingDate.js';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
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

type Asking = 'end' | 'skip' | 'start' | null;

/** "Thu, Dec 3" in the reader's language and the viewer's time zone. */
function shortDay(iso: string, localeTag: string): string {
  return new Date(iso).toLocaleDateString(localeTag, { weekday: 'short', day: 'numeric', month: 'short' });
}

/**
 * Starting and closing the meeting, with an inline confirmation (no modal
 * in a side panel). End is offered only while the meeting is live (Teams'
 * start event or Start here); before that, Start or Skip. Every action names
 * its meeting, so a resend never acts on the next one.
 */
export function MeetingControls({ meeting }: { meeting: Meeting }) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const { actions } = useSeriesView();
  const [asking, setAsking] = useState<Asking>(null);
  const [busy, setBusy] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const live = meeting.status === 'live';
  const day = shortDay(meetingDate(meeting), tag);

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

  const act = {
    end: () => actions.endMeeting(meeting.id),
    skip: () => actions.skipMeeting(meeting.id, 'skipped'),
    start: () => actions.startMeeting(meeting, { early: true }),
  };

  if (asking) {
    return (
      <div className={styles.confirm} role="group" aria-label={t('panel.meeting.confirmGroup', { asking })}>
        <Text>{t('panel.meeting.confirm', { asking, date: day })}</Text>
        <div className={styles.row}>
          <Button appearance="primary" size="small" disabled={busy} autoFocus onClick={() => run(act[asking])}>
            {t('panel.meeting.confirmYes', { asking })}
          </Button>
          <Button size="small" disabled={busy} onClick={close}>
            {t('panel.meeting.confirmNo', { asking })}
          </Button>
        </div>
      </div>
    );
  }

  return (
    <div className={styles.row}>
      {live ? (
        <Button ref={opener} size="small" icon={<RecordStopRegular />} onClick={() => setAsking('end')}>
          {t('panel.meeting.end')}
        </Button>
      ) : (
        <>
          <Button
            ref={opener}
            size="small"
            icon={<PlayRegular />}
            disabled={busy}
            // The service judges "more than a day early" by its clock (and a rejoin by its window): it asks, we confirm.
            onClick={() => {
              setBusy(true);
              void actions.startMeeting(meeting, { askEarly: () => setAsking('start') }).then(() => setBusy(false));
            }}
          >
            {t('panel.meeting.start')}
          </Button>
          <Button size="small" appearance="subtle" icon={<CalendarCancelRegular />} onClick={() => setAsking('skip')}>
            {t('panel.meeting.skip')}
          </Button>
        </>
      )}
    </div>
  );
}
