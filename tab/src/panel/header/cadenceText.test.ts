import { describe, expect, it } from 'vitest';
import { cadenceInWords, meetingTime } from './cadenceText.js';

const cadence = { weekday: 'thursday', time: '10:00', timeZone: 'Europe/London', durationMinutes: 30 } as const;

describe('the schedule in words', () => {
  it('names the rhythm, the weekday, the local time and its zone', () => {
    expect(cadenceInWords({ ...cadence, frequency: 'weekly' })).toBe('Weekly · Thu 10:00 Europe/London · 30 min');
    expect(cadenceInWords({ ...cadence, frequency: 'biweekly' })).toContain('Every 2 weeks · Thu 10:00');
    expect(cadenceInWords({ ...cadence, frequency: 'monthly' })).toContain('Monthly · 1st Thu 10:00');
  });

  it('shows the next meeting at the viewer’s own clock time', () => {
    const start = '2026-11-26T10:00:00.000Z';
    expect(meetingTime(start, 'Asia/Tokyo')).toMatch(/19:00|7:00/);
    expect(meetingTime(start, 'America/New_York')).toMatch(/05:00|5:00/);
  });
});
