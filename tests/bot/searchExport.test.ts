import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { translatorFor } from '../../bot/src/i18n/translator.js';
import type { PrivateNote, SharedNote } from '../../domain/entities.js';
import { historyMarkdown, markdownText } from '../../domain/historyExport.js';
import { searchSeries } from '../../domain/home.js';
import { aMeeting, anActionItem, aSeries, aTopic, MANAGER, REPORT } from '../../domain/testFactories.js';

/**
 * Search and export read one history (domain/historyRecords.ts): a deleted
 * topic and its notes are in neither, a carried topic is one entry with its
 * history, the export speaks the reader's language and escapes only what
 * Markdown would misread. Dates come from the clock.
 */

const DAY = 86_400_000;
const now = new Date();
const daysAgo = (n: number) => new Date(now.getTime() - n * DAY).toISOString();
const dayOf = (n: number) => daysAgo(n).slice(0, 10);

const note = (id: string, topicId: string, meetingId: string, text: string, authorId = REPORT.userId): SharedNote => ({
  id,
  seriesId: 's-1',
  version: 1,
  createdAt: daysAgo(30),
  updatedAt: daysAgo(30),
  type: 'sharedNote',
  meetingId,
  topicId,
  authorId,
  text,
});
const privateNote = (id: string, authorId: string, text: string): PrivateNote => ({
  ...note(id, 't-1', 'm-1', text, authorId),
  type: 'privateNote',
});

const series = aSeries({ currentMeetingId: 'm-3' });
const m1 = aMeeting({
  id: 'm-1',
  scheduledStart: daysAgo(14),
  status: 'ended',
  startedAt: daysAgo(14),
  endedAt: daysAgo(14),
});
const m2 = aMeeting({
  id: 'm-2',
  scheduledStart: daysAgo(7),
  status: 'ended',
  startedAt: daysAgo(9),
  endedAt: daysAgo(9),
});
const m3 = aMeeting({ id: 'm-3', scheduledStart: daysAgo(-7) });
const input = {
  series,
  meetings: [m1, m2, m3],
  topics: [
    aTopic({ id: 't-1', meetingId: 'm-1', text: 'Conference budget' }),
    // Carried twice: one conversation over three meetings.
    aTopic({ id: 't-2', meetingId: 'm-1', text: 'Conference talk' }),
    aTopic({ id: 't-2~m-2', meetingId: 'm-2', text: 'Conference talk', originId: 't-2', carriedOverCount: 1 }),
    aTopic({
      id: 't-2~m-3',
      meetingId: 'm-3',
      text: 'Conference talk',
      originId: 't-2',
      carriedOverCount: 2,
      status: 'discussed',
    }),
    aTopic({ id: 't-gone', meetingId: 'm-2', text: 'Conference gossip', deletedAt: daysAgo(8) }),
  ],
  sharedNotes: [
    note('n-1', 't-1', 'm-1', 'The budget for the conference is approved'),
    note('n-talk', 't-2', 'm-1', 'Conference talk: draft the abstract'),
    note('n-gone', 't-gone', 'm-2', 'Conference gossip, better forgotten'),
  ],
  actionItems: [anActionItem({ id: 'a-1', meetingId: 'm-1', text: 'Book the conference', dueDate: dayOf(3) })],
  privateNotes: [
    privateNote('p-mine', MANAGER.userId, 'Conference: ask about her talk'),
    privateNote('p-theirs', REPORT.userId, 'Conference: I am nervous'),
  ],
};
const english = translatorFor('en-US');
const german = translatorFor('de-DE');
const exported = (t = english, over: Partial<typeof input> = {}) =>
  historyMarkdown({ ...input, ...over, exporterId: MANAGER.userId, now, t });

describe('search and export read one history', () => {
  it('a deleted topic and its notes are in neither search nor export', () => {
    const hits = searchSeries('conference', { ...input, viewerId: MANAGER.userId });
    // Positive control: the deleted topic's note does match the query.
    expect(input.sharedNotes.find((n) => n.id === 'n-gone')!.text.toLowerCase()).toContain('conference');
    expect(hits.map((h) => h.recordId)).not.toContain('n-gone');
    expect(hits.map((h) => h.recordId)).not.toContain('t-gone');
    expect(exported()).not.toMatch(/gossip/i);
  });

  it('a carried topic is one search result, in its latest copy, with the meetings it was on before', () => {
    const talk = searchSeries('talk', { ...input, viewerId: REPORT.userId }).filter((h) => h.kind === 'topic');
    expect(talk).toHaveLength(1);
    expect(talk[0]).toMatchObject({ recordId: 't-2~m-3', meetingId: 'm-3', alsoOn: [daysAgo(14), daysAgo(9)] });
  });

  it('a carried topic is one entry in the export, where it ended up, with its history and its notes', () => {
    const markdown = exported();
    expect(markdown.match(/\*\*Conference talk\*\*/g)).toHaveLength(1);
    const entry = markdown.slice(markdown.indexOf('**Conference talk**'));
    expect(entry).toMatch(
      /^\*\*Conference talk\*\* \(work, discussed, raised by Rui Report\)\n {2}- Also on the agenda of: /,
    );
    expect(entry).toContain('Rui Report: Conference talk: draft the abstract');
  });

  it('a search hit names its meeting by the date it was held', () => {
    const hit = searchSeries('budget', { ...input, viewerId: REPORT.userId }).find((h) => h.recordId === 't-1');
    expect(hit?.meetingStart).toBe(daysAgo(14));
    const early = searchSeries('gossip', {
      ...input,
      topics: [aTopic({ id: 't-x', meetingId: 'm-2', text: 'gossip' })],
      viewerId: REPORT.userId,
    });
    expect(early[0]?.meetingStart).toBe(m2.startedAt);
  });

  it('the export speaks the reader’s language: headings, status words, "raised by", "due" and dates', () => {
    const markdown = exported(german);
    expect(markdown).toContain('### Themen');
    expect(markdown).toContain('### Aufgaben');
    expect(markdown).toContain('— stattgefunden');
    expect(markdown).toContain('eingebracht von Rui Report');
    const due = new Intl.DateTimeFormat('de-DE', {
      weekday: 'long',
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${dayOf(3)}T00:00:00.000Z`));
    expect(markdown).toContain(`- [ ] Book the conference (Rui Report, fällig ${due})`);
    expect(markdown).toContain('### Privat — nur Maria Manager kann dies lesen');
    for (const english of ['Topics', 'Action items', 'raised by', 'due ', '— held', 'Members:']) {
      expect(markdown).not.toContain(english);
    }
    // Positive control: the same history in English says them all.
    const inEnglish = exported(english);
    for (const words of ['### Topics', '### Action items', 'raised by', ', due ', '— held', 'Members:']) {
      expect(inEnglish).toContain(words);
    }
  });

  it('exports only the exporter’s private notes, under a marked heading', () => {
    const markdown = exported();
    expect(markdown).toContain('### Private — only Maria Manager can read this');
    expect(markdown).toContain('Conference: ask about her talk');
    expect(markdown).not.toContain('nervous');
  });
});

describe('export escaping', () => {
  it('leaves plain text alone: "on-call" and "2am." are not escaped', () => {
    expect(markdownText('Covered the on-call rota until 2am. Fine-ish, e.g. snake_case.')).toBe(
      'Covered the on-call rota until 2am. Fine-ish, e.g. snake_case.',
    );
  });

  it('escapes what Markdown would read as markup', () => {
    expect(markdownText('# not a heading [link](x)')).toBe('\\# not a heading \\[link\\](x)');
    expect(markdownText('- not a list\n1. nor this\n---')).toBe('\\- not a list  \n1\\. nor this  \n\\---');
    expect(markdownText('*bold* _it_ `code` <b>')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\<b\\>');
  });

  it('whatever the text, Markdown renders exactly that text back', () => {
    const md = new MarkdownIt({ html: true, linkify: false });
    const textOf = (html: string) =>
      html
        .replace(/<br>\n?/g, '\n')
        .replace(/<\/?p>\n?/g, '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .trimEnd();
    const char = fc.constantFrom(...'ab 1.-+*_#[]()!<>`~|\\&;=:'.split(''), '\n');
    fc.assert(
      fc.property(
        fc.array(char, { maxLength: 24 }).map((cs) => cs.join('')),
        (raw) => {
          // Lines are trimmed by Markdown itself; compare what a reader would see.
          const text = raw
            .split('\n')
            .map((l) => l.trim())
            .filter((l) => l !== '')
            .join('\n');
          if (text === '') return;
          expect(textOf(md.render(markdownText(text)))).toBe(text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
