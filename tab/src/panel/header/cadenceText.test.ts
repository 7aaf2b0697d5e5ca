import { describe, expect, it } from 'vitest';
import { panelCatalog } from '../../i18n/catalogs/panel.js';
import { startI18n } from '../../i18n/startI18n.js';
import { translator } from '../../i18n/useT.js';
import { cadenceInWords, meetingTime, weekdayName } from './cadenceText.js';

const cadence = { weekday: 'thursday', time: '10:00', timeZone: 'Europe/London', durationMinutes: 30 } as const;
const english = translator((await startI18n([panelCatalog], 'en')).i18n);
const german = translator((await startI18n([panelCatalog], 'de-DE')).i18n);

describe('the schedule in words', () => {
  it('names the rhythm, the weekday, the local time and its zone', () => {
    expect(cadenceInWords({ ...cadence, frequency: 'weekly' }, english, 'en')).toBe(
      'Weekly · Thu 10:00 Europe/London · 30 min',
    );
    expect(cadenceInWords({ ...cadence, frequency: 'biweekly' }, english, 'en')).toContain('Every 2 weeks · Thu 10:00');
    expect(cadenceInWords({ ...cadence, frequency: 'monthly' }, english, 'en')).toContain('Monthly · 1st Thu 10:00');
  });

  it('says it in German with German weekday names', () => {
    expect(cadenceInWords({ ...cadence, frequency: 'weekly' }, german, 'de-DE')).toBe(
      'Wöchentlich · Do 10:00 Europe/London · 30 Min.',
    );
    expect(weekdayName('monday', 'de-DE')).toBe('Montag');
  });

  it('shows the next meeting at the viewer’s own clock time', () => {
    const start = '2026-11-26T10:00:00.000Z';
    expect(meetingTime(start, 'en', 'Asia/Tokyo')).toMatch(/19:00|7:00/);
    expect(meetingTime(start, 'en', 'America/New_York')).toMatch(/05:00|5:00/);
    expect(meetingTime(start, 'de-DE', 'Europe/Berlin')).toBe('Do., 26. Nov., 11:00');
  });
});
