import type { ActionItem, Meeting, PrivateNote, Series, SharedNote, Topic } from './entities.js';
import { meetingDate } from './meetingDate.js';

/**
 * One relationship's history as one Markdown file: every meeting with its
 * topics, shared notes and action items, and the exporter's own private
 * notes under a heading that says only they can read them. Another
 * person's private note never gets in, whatever the caller passes.
 */
export interface ExportInput {
  series: Series;
  meetings: readonly Meeting[];
  topics: readonly Topic[];
  sharedNotes: readonly SharedNote[];
  actionItems: readonly ActionItem[];
  privateNotes: readonly PrivateNote[];
  exporterId: string;
  now: Date;
}

/** User text stays text: characters Markdown would read as markup are escaped. */
export function markdownText(text: string): string {
  return text.replace(/([\\`*_{}[\]()<>#+\-.!|~])/g, '\\$1').replace(/\r?\n/g, '  \n');
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

const STATUS_WORD: Record<Meeting['status'], string> = {
  scheduled: 'scheduled',
  live: 'in progress',
  ended: 'held',
  skipped: 'skipped',
  cancelled: 'cancelled',
};

export function historyMarkdown(input: ExportInput): string {
  const { series, exporterId } = input;
  const nameOf = (userId: string) => series.members.find((m) => m.userId === userId)?.name ?? 'Someone';
  const exporter = nameOf(exporterId);
  const lines: string[] = [
    `# ${markdownText(series.title || '1:1')}`,
    '',
    `Members: ${series.members.map((m) => `${markdownText(m.name)} (${m.role})`).join(', ')}  `,
    `Exported by ${markdownText(exporter)} on ${input.now.toISOString().slice(0, 10)}.`,
    '',
    `> Sections marked **Private — only ${markdownText(exporter)} can read this** hold the exporter's own private notes. Everything else is shared by both members.`,
    '',
  ];
  const meetings = input.meetings
    .filter((m) => !m.deletedAt)
    .sort((a, b) => Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart));
  for (const meeting of meetings) {
    const topics = input.topics
      .filter((t) => t.meetingId === meeting.id && !t.deletedAt)
      .sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    const items = input.actionItems.filter((i) => i.meetingId === meeting.id && !i.deletedAt);
    const privateNote = input.privateNotes.find(
      (n) => n.meetingId === meeting.id && n.authorId === exporterId && !n.deletedAt && n.text.trim() !== '',
    );
    lines.push(`## ${meetingDate(meeting).slice(0, 10)} — ${STATUS_WORD[meeting.status]}`, '');
    if (topics.length === 0 && items.length === 0 && !privateNote) lines.push('_Nothing recorded._', '');
    if (topics.length > 0) {
      lines.push('### Topics', '');
      for (const topic of topics) {
        lines.push(
          `- **${markdownText(topic.text)}** (${topic.category}, ${topic.status}, raised by ${markdownText(nameOf(topic.addedBy))})`,
        );
        const notes = input.sharedNotes.filter((n) => n.topicId === topic.id && !n.deletedAt && n.text.trim() !== '');
        for (const note of notes) lines.push(`  - ${markdownText(nameOf(note.authorId))}: ${markdownText(note.text)}`);
      }
      lines.push('');
    }
    if (items.length > 0) {
      lines.push('### Action items', '');
      for (const item of items) {
        const due = item.dueDate ? `, due ${item.dueDate}` : '';
        lines.push(
          `- [${item.doneAt ? 'x' : ' '}] ${markdownText(item.text)} (${markdownText(nameOf(item.ownerId))}${due})`,
        );
      }
      lines.push('');
    }
    if (privateNote) {
      lines.push(`### Private — only ${markdownText(exporter)} can read this`, '', markdownText(privateNote.text), '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
