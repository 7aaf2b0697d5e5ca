import { describe, expect, it } from 'vitest';
import { homeCatalog } from '../i18n/catalogs/home.js';
import { startI18n } from '../i18n/startI18n.js';
import { translator } from '../i18n/useT.js';
import { percent, trendLabel, viewerDate, viewerDateTime } from './format.js';

const TREND = [1, 0.5, null, 1];

describe('My 1:1s’ dates and numbers', () => {
  it('names a sparkline’s numbers in English as before, and in German with German numbers and plural', async () => {
    const en = translator((await startI18n([homeCatalog], 'en-US')).i18n);
    expect(trendLabel('Cadence', TREND, en, 'en-US')).toBe(
      'Cadence after the last 3 meetings and now: 100%, 50%, none, 100%',
    );
    expect(trendLabel('Cadence', [1, 1], en, 'en-US')).toBe('Cadence after the last meeting and now: 100%, 100%');
    expect(trendLabel('Cadence', [null], en, 'en-US')).toBe('Cadence now: none');

    const de = translator((await startI18n([homeCatalog], 'de-DE')).i18n);
    expect(trendLabel('Rhythmus', TREND, de, 'de-DE')).toBe(
      'Rhythmus nach den letzten 3 Besprechungen und jetzt: 100\u00a0%, 50\u00a0%, keine Angabe und 100\u00a0%',
    );
    expect(trendLabel('Rhythmus', [1, 1], de, 'de-DE')).toBe(
      'Rhythmus nach der letzten Besprechung und jetzt: 100\u00a0%, 100\u00a0%',
    );
  });

  it('writes a due date as each reader does, on the same calendar day in every zone', () => {
    expect(viewerDate('2026-12-06', 'en-US')).toBe('Dec 6, 2026');
    expect(viewerDate('2026-12-06', 'de-DE')).toBe('6. Dez. 2026');
    expect(viewerDate('2026-12-06', 'en-GB')).toBe('6 Dec 2026');
  });

  it('writes a meeting time with the weekday and zone in the reader’s words', () => {
    expect(viewerDateTime('2026-12-08T09:00:00Z', 'de-DE', 'Europe/Berlin')).toBe('Di., 8. Dez., 10:00 MEZ');
    expect(viewerDateTime('2026-12-08T09:00:00Z', 'en-US', 'America/New_York')).toBe('Tue, Dec 8, 04:00 AM EST');
  });

  it('rounds a share to a whole percentage in the reader’s format', () => {
    expect(percent(0.6, 'en')).toBe('60%');
    expect(percent(0.6, 'de')).toBe('60\u00a0%');
  });
});
