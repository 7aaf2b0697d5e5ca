import { describe, expect, it } from 'vitest';
import { summaryCard, type SummaryView } from '../../bot/src/cards/summaryCard.js';
import { promptCard } from '../../bot/src/cards/promptCard.js';
import { translatorFor } from '../../bot/src/i18n/translator.js';
import { cardTexts } from './harness.js';

/**
 * One date style per card (issue 22, failure 8): instants through the card's
 * own `{{DATE(…, LONG)}}` (Teams formats them in the reader's language and
 * zone), due dates — calendar days, which no zone may shift — in the same
 * long style, in the card's language. Dates come from the clock.
 */

const DAY = 86_400_000;
const now = Date.now();
const dueDay = new Date(now + 10 * DAY).toISOString().slice(0, 10);
const longDay = (tag: string) =>
  new Intl.DateTimeFormat(tag, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${dueDay}T00:00:00.000Z`));

const view: SummaryView = {
  heldAt: new Date(now).toISOString(),
  discussed: [],
  actionItems: [{ text: 'Book the course', ownerName: 'Riya', dueDate: dueDay, state: 'open' }],
  openFromBefore: [],
  carriedOver: [],
  nextMeeting: new Date(now + 7 * DAY).toISOString(),
  health: [],
};

describe('one date style per card', () => {
  it.each(['en-US', 'en-GB', 'de-DE'])(
    'the summary card in %s: due dates in the long style of its {{DATE(…, LONG)}} dates, in the card’s language',
    (locale) => {
      const t = translatorFor(locale);
      const json = JSON.stringify(summaryCard(view, t));
      const dates = [...json.matchAll(/\{\{DATE\([^,)]+(, \w+)?\)\}\}/g)].map((m) => m[1]);
      expect(dates.length).toBeGreaterThan(0);
      expect(dates.every((style) => style === ', LONG')).toBe(true);
      expect(cardTexts(summaryCard(view, t)).join('\n')).toContain(longDay(t.locale.tag));
      // No short date beside the long ones ("Fri, 18 Dec 2026" beside "Thursday, December 17, 2026").
      const short = new Intl.DateTimeFormat(t.locale.tag, {
        weekday: 'short',
        day: 'numeric',
        month: 'short',
        timeZone: 'UTC',
      }).format(new Date(`${dueDay}T00:00:00.000Z`));
      expect(json).not.toContain(short);
    },
  );

  it('a due date is a calendar day: the same day whatever the zone the service runs in', () => {
    const t = translatorFor('en-US');
    const card = promptCard(
      {
        seriesId: 's-1',
        meetingId: 'm-1',
        promptId: 'prompt~m-1',
        scheduledStart: new Date(now + DAY).toISOString(),
        agenda: [],
        openActionItems: [{ id: 'a-1', text: 'Book the course', ownerName: 'Riya', dueDate: dueDay }],
        refreshUserIds: [],
      },
      t,
    );
    expect(cardTexts(card).join('\n')).toContain(longDay('en-US'));
  });
});
