import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { Cadence, Frequency, Weekday } from '../../../../domain/entities.js';
import { isValidTimeZone } from '../../../../domain/schedule.js';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { fieldHalf, fieldRow } from '../../ui/styles.js';
import { useSeriesView } from '../SeriesContext.js';
import { FREQUENCY_LABELS, weekdayName } from './cadenceText.js';

const useStyles = makeStyles({
  form: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  row: fieldRow,
  half: fieldHalf,
  fill: { width: '100%', minWidth: 0 },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

function timeZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}

/** Inline editor of the series' rhythm: frequency, weekday, local time, time zone and length. */
export function CadenceForm({ onDone }: { onDone(): void }) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const { actions, series } = useSeriesView();
  const [draft, setDraft] = useState(series.cadence);
  const [duration, setDuration] = useState(String(series.cadence.durationMinutes));
  const [saving, setSaving] = useState(false);
  const zonesId = useId();
  const set = (patch: Partial<Cadence>) => setDraft((current) => ({ ...current, ...patch }));

  const zoneError = isValidTimeZone(draft.timeZone) ? undefined : t('panel.cadence.zoneError');
  const parsed = Cadence.safeParse({ ...draft, durationMinutes: Number(duration) });
  const durationError =
    Number.isInteger(Number(duration)) && Number(duration) >= 5 && Number(duration) <= 240
      ? undefined
      : t('panel.cadence.durationError', { min: 5, max: 240 });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!parsed.success || zoneError) return;
    setSaving(true);
    void actions.updateCadence(parsed.data).then((saved) => {
      setSaving(false);
      if (saved) onDone();
    });
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={t('panel.change.cadence')}>
      <Field label={t('panel.cadence.frequency')}>
        <Select value={draft.frequency} onChange={(_, d) => set({ frequency: Frequency.parse(d.value) })}>
          {Frequency.options.map((f) => (
            <option key={f} value={f}>
              {t(FREQUENCY_LABELS[f])}
            </option>
          ))}
        </Select>
      </Field>
      <div className={styles.row}>
        <Field label={t('panel.cadence.day')} className={styles.half}>
          <Select
            className={styles.fill}
            value={draft.weekday}
            onChange={(_, d) => set({ weekday: Weekday.parse(d.value) })}
          >
            {Weekday.options.map((w) => (
              <option key={w} value={w}>
                {weekdayName(w, tag)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('panel.cadence.time')} className={styles.half}>
          <Input
            className={styles.fill}
            type="time"
            required
            value={draft.time}
            onChange={(_, d) => set({ time: d.value })}
          />
        </Field>
      </div>
      <div className={styles.row}>
        <Field label={t('panel.cadence.zone')} className={styles.half} validationMessage={zoneError}>
          <Input
            className={styles.fill}
            value={draft.timeZone}
            input={{ list: zonesId }}
            onChange={(_, d) => set({ timeZone: d.value.trim() })}
          />
        </Field>
        <Field label={t('panel.cadence.minutes')} className={styles.half} validationMessage={durationError}>
          <Input
            className={styles.fill}
            type="number"
            min={5}
            max={240}
            step={5}
            value={duration}
            onChange={(_, d) => setDuration(d.value)}
          />
        </Field>
      </div>
      <datalist id={zonesId}>
        {timeZones().map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      <div className={styles.buttons}>
        <Button type="submit" appearance="primary" size="small" disabled={saving || !parsed.success || !!zoneError}>
          {t('panel.cadence.save')}
        </Button>
        <Button size="small" onClick={onDone}>
          {t('panel.edit.cancel')}
        </Button>
      </div>
    </form>
  );
}
