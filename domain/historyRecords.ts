import type { ActionItem, Meeting, PrivateNote, Series, SharedNote, Topic } from './entities.js';

/**
 * What a 1:1's history is, for search and export alike (one filter, so the
 * two never disagree): the meetings not deleted; each topic once, however
 * often it was carried over, in its latest copy and with the meetings it was
 * on; no deleted topic (copy) and none of its notes; action items and notes
 * of meetings that are not deleted; and of private notes, the viewer's own
 * alone, whatever the caller passed in.
 */
export interface HistoryInput {
  series: Series;
  meetings: readonly Meeting[];
  topics: readonly Topic[];
  sharedNotes: readonly SharedNote[];
  actionItems: readonly ActionItem[];
  privateNotes: readonly PrivateNote[];
  viewerId: string;
}

/** One topic across the meetings it was carried through. */
export interface TopicThread {
  /** Its latest copy not deleted: the state it reached. */
  topic: Topic;
  /** The meetings it was on, oldest first (the latest copy's meeting last). */
  meetings: Meeting[];
  /** Shared notes on any of its copies, in the order the meetings came. */
  notes: SharedNote[];
}

export interface History {
  /** Oldest first. */
  meetings: Meeting[];
  threads: TopicThread[];
  actionItems: ActionItem[];
  sharedNotes: SharedNote[];
  privateNotes: PrivateNote[];
}

const byStart = (a: Meeting, b: Meeting) =>
  a.scheduledStart < b.scheduledStart ? -1 : a.scheduledStart > b.scheduledStart ? 1 : a.id < b.id ? -1 : 1;

export function historyOf(input: HistoryInput): History {
  const meetings = input.meetings.filter((m) => !m.deletedAt).sort(byStart);
  const meetingById = new Map(meetings.map((m) => [m.id, m]));
  const order = new Map(meetings.map((m, i) => [m.id, i]));
  const topics = input.topics.filter((t) => !t.deletedAt && meetingById.has(t.meetingId));
  const topicIds = new Set(topics.map((t) => t.id));
  const sharedNotes = input.sharedNotes.filter(
    (n) => !n.deletedAt && topicIds.has(n.topicId) && meetingById.has(n.meetingId) && n.text.trim() !== '',
  );

  const copies = new Map<string, Topic[]>();
  for (const topic of topics) copies.set(topic.originId, [...(copies.get(topic.originId) ?? []), topic]);
  const threads: TopicThread[] = [...copies.values()].map((list) => {
    const sorted = list.sort((a, b) => order.get(a.meetingId)! - order.get(b.meetingId)!);
    const ids = new Set(sorted.map((t) => t.id));
    return {
      topic: sorted[sorted.length - 1]!,
      meetings: [...new Set(sorted.map((t) => t.meetingId))].map((id) => meetingById.get(id)!),
      notes: sharedNotes
        .filter((n) => ids.has(n.topicId))
        .sort((a, b) => order.get(a.meetingId)! - order.get(b.meetingId)!),
    };
  });

  return {
    meetings,
    threads,
    sharedNotes,
    actionItems: input.actionItems.filter((i) => !i.deletedAt && meetingById.has(i.meetingId)),
    privateNotes: input.privateNotes.filter(
      (n) => n.authorId === input.viewerId && !n.deletedAt && meetingById.has(n.meetingId) && n.text.trim() !== '',
    ),
  };
}
