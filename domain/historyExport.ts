import type { Series } from './entities.js';
import { seriesHealth } from './health.js';
import { historyOf, type HistoryInput } from './historyRecords.js';
import { localText, type LocalText } from './localText.js';
import { meetingDate } from './meetingDate.js';

/**
 * One relationship's history as one Markdown file, in the reader's language:
 * the 1:1's health as the panel and My 1:1s show it, then every meeting with
 * its topics (a carried one once, where it ended up, with the meetings it
 * was on), shared notes and action items, and the exporter's own private
 * notes under a heading that says only they can read them. What is in it is
 * what search finds (historyRecords.ts); another person's private note never
 * gets in, whatever the caller passes.
 */
export interface ExportInput extends Omit<HistoryInput, 'viewerId'> {
  exporterId: string;
  now: Date;
  /** The reader's words (a catalog translator) and their locale, for dates. */
  t: ExportWords;
}

export interface ExportWords {
  t(text: LocalText): string;
  readonly locale: { readonly tag: string };
}

/**
 * User text stays text: a character is escaped only where Markdown would
 * read it as markup — emphasis, code, links, HTML and entities anywhere;
 * headings, lists, quotes and rules only at the start of a line. "on-call"
 * and "2am." stay as written.
 */
export function markdownText(text: string): string {
  return text
    .split(/\r?\n/)
    .map((line) =>
      line
        .replace(/[\\`*[\]<>~|]/g, '\\$&')
        // "_" opens emphasis only next to something that is not a letter or digit ("snake_case" is safe).
        .replace(/_/g, (match, at: number) =>
          /[\p{L}\p{N}]/u.test(line[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(line[at + 1] ?? '') ? match : '\\_',
        )
        .replace(/&(?=#?\w+;)/g, '&amp;')
        .replace(/^(\s*)(#{1,6})(?=\s|$)/, '$1\\$2')
        .replace(/^(\s*)([-+])(?=\s|$)/, '$1\\$2')
        .replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/, '$1$2\\$3')
        // A line of only "=" or "-" would underline the line before it as a heading (or rule it off).
        .replace(/^(\s*)([-=])(?=[\s\-=]*$)/, '$1\\$2')
        .replace(/^ {4,}/, (spaces) => '&#32;'.repeat(spaces.length)),
    )
    .join('  \n');
}

/** A file name for the export: the title's letters and digits, then the date. */
export function exportFileName(series: Pick<Series, 'title'>, now: Date): string {
  const slug = series.title
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return `${slug || '1-1'}-${now.toISOString().slice(0, 10)}.md`;
}

/** One date style for the whole file: the reader's long date; instants in the 1:1's zone, due dates as calendar days. */
function dateWords(tag: string, timeZone: string) {
  const day = (zone: string) =>
    new Intl.DateTimeFormat(tag, { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric', timeZone: zone });
  const inZone = day(timeZone);
  const calendar = day('UTC');
  return {
    instant: (iso: string) => inZone.format(new Date(iso)),
    calendarDay: (date: string) => calendar.format(new Date(`${date}T00:00:00.000Z`)),
  };
}

export function historyMarkdown(input: ExportInput): string {
  const { series, exporterId, t } = input;
  const say = (key: Parameters<typeof localText>[0], values?: Parameters<typeof localText>[1]) =>
    t.t(localText(key, values));
  const dates = dateWords(t.locale.tag, series.cadence.timeZone);
  const nameOf = (userId: string) =>
    markdownText(series.members.find((m) => m.userId === userId)?.name ?? say('domain.export.someone'));
  const exporter = nameOf(exporterId);
  const history = historyOf({ ...input, viewerId: exporterId });

  const lines: string[] = [
    `# ${markdownText(series.title || '1:1')}`,
    '',
    `${say('domain.export.members', {
      members: series.members
        .map((m) => say('domain.export.member', { name: markdownText(m.name), role: m.role }))
        .join(', '),
    })}  `,
    say('domain.export.exportedBy', { name: exporter, date: dates.instant(input.now.toISOString()) }),
    '',
    `> ${say('domain.export.privateLegend', { name: exporter })}`,
    '',
    `## ${say('domain.export.health')}`,
    '',
    ...seriesHealth({ ...input }).map((figure) => `- ${t.t(figure.labelText)}: ${t.t(figure.displayText)}`),
    '',
  ];

  for (const meeting of history.meetings) {
    // A carried topic is listed once, in the meeting it reached last, with the meetings it was on before.
    const threads = history.threads
      .filter((thread) => thread.topic.meetingId === meeting.id)
      .sort((a, b) => (a.topic.order < b.topic.order ? -1 : a.topic.order > b.topic.order ? 1 : 0));
    const items = history.actionItems.filter((i) => i.meetingId === meeting.id);
    const privateNote = history.privateNotes.find((n) => n.meetingId === meeting.id);
    lines.push(
      `## ${say('domain.export.meeting', { date: dates.instant(meetingDate(meeting)), status: meeting.status })}`,
      '',
    );
    if (threads.length === 0 && items.length === 0 && !privateNote) lines.push(`_${say('domain.export.nothing')}_`, '');
    if (threads.length > 0) {
      lines.push(`### ${say('domain.export.topics')}`, '');
      for (const { topic, meetings, notes } of threads) {
        const about = say('domain.export.topic', {
          category: topic.category,
          status: topic.status,
          name: nameOf(topic.addedBy),
        });
        lines.push(`- **${markdownText(topic.text)}** (${about})`);
        const earlier = meetings.filter((m) => m.id !== meeting.id);
        if (earlier.length > 0) {
          const on = earlier.map((m) => dates.instant(meetingDate(m))).join('; ');
          lines.push(`  - ${say('domain.export.carried', { dates: on })}`);
        }
        for (const note of notes) lines.push(`  - ${nameOf(note.authorId)}: ${markdownText(note.text)}`);
      }
      lines.push('');
    }
    if (items.length > 0) {
      lines.push(`### ${say('domain.export.actionItems')}`, '');
      for (const item of items) {
        const owner = say('domain.export.item', {
          owner: nameOf(item.ownerId),
          due: item.dueDate ? dates.calendarDay(item.dueDate) : 'none',
        });
        lines.push(`- [${item.doneAt ? 'x' : ' '}] ${markdownText(item.text)} (${owner})`);
      }
      lines.push('');
    }
    if (privateNote) {
      lines.push(`### ${say('domain.export.private', { name: exporter })}`, '', markdownText(privateNote.text), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
