import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../bot/src/i18n/translator.js';
import { promptViewFor } from '../../bot/src/views/promptView.js';
import { QUESTIONS, questionText, THINKING_PROMPTS } from '../../domain/questions.js';
import { aMeeting, aSeries, aTopic } from '../../domain/testFactories.js';

/**
 * The prompt card goes to both people (issue 22, failure 9): its question to
 * think about speaks as neither of them — no "I", "me", "you" that would make
 * the manager's question read as the report's, or the other way round.
 */

const PERSONAL = {
  en: /\b(I|me|my|mine|you|your|yours)\b/i,
  // German "Sie"/"Ihr" as address are capitalised; a lower-case "sie" is "it" or "they".
  de: /\b(ich|mir|mich|mein\w*|du|dich|dir|dein\w*)\b|\b(Sie|Ihr\w*|Ihnen)\b/,
};

describe('the prompt card’s question to think about', () => {
  it('is worded in a neutral voice in every language', () => {
    for (const lang of ['en', 'de'] as const) {
      const t = translatorFor(lang);
      for (const prompt of THINKING_PROMPTS) {
        const text = t.t({ key: `domain.prompt.${prompt.id}` as never });
        expect(text, `${lang} ${prompt.id}`).not.toMatch(PERSONAL[lang]);
        expect(text).not.toBe(`domain.prompt.${prompt.id}`);
      }
      // Positive control: the manager's question bank does speak as someone.
      expect(QUESTIONS.some((q) => PERSONAL[lang].test(t.t(questionText(q))))).toBe(true);
    }
  });

  it('the card both people read carries a neutral question, on the gap the bank would fill', () => {
    const now = Date.now();
    const series = aSeries({ currentMeetingId: 'm-now' });
    const meetings = [aMeeting({ id: 'm-now', scheduledStart: new Date(now + 86_400_000).toISOString() })];
    const topics = [aTopic({ id: 't-1', meetingId: 'm-now', category: 'work' })];
    const view = promptViewFor({ series, meetings, topics, actionItems: [] }, 'm-now', []);
    expect(view?.question?.key).toMatch(/^domain\.prompt\.p-growth-/);
  });
});
