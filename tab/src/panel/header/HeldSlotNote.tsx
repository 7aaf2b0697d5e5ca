import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Meeting } from '../../../../domain/entities.js';
import { heldSlot } from '../../../../domain/occurrence.js';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { useSeriesView } from '../SeriesContext.js';

const useStyles = makeStyles({ note: { color: tokens.colorNeutralForeground2 } });

/**
 * Which slot a meeting held on another day used: "Held early — Thursday's
 * 1:1". The date beside it is the day it was held (domain meetingDate); the
 * next 1:1 moved on from this slot, and this says why.
 */
export function HeldSlotNote({ meeting }: { meeting: Meeting }) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const { series } = useSeriesView();
  const held = heldSlot(meeting, series.cadence.timeZone);
  if (!held) return null;
  const day = new Date(held.slot).toLocaleDateString(tag, { weekday: 'long', timeZone: series.cadence.timeZone });
  return (
    <Text size={200} block className={styles.note}>
      {t('panel.meeting.heldSlot', { timing: held.timing, day })}
    </Text>
  );
}
