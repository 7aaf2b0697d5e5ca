import type { ActionItem, Meeting } from './entities.js';

/**
 * "From last time": the action items agreed in earlier meetings that are
 * still open, shown at the top of the panel so the pair revisits them before
 * anything else (the mission's "follow up on action points").
 */

/** Not done and not deleted. */
export function isOpen(item: Pick<ActionItem, 'doneAt' | 'deletedAt'>): boolean {
  return !item.doneAt && !item.deletedAt;
}

/**
 * Past its due date and still open. `today` is "YYYY-MM-DD" in the viewer's
 * zone: an item due today is not overdue until the day is over.
 */
export function isOverdue(item: Pick<ActionItem, 'doneAt' | 'deletedAt' | 'dueDate'>, today: string): boolean {
  return isOpen(item) && item.dueDate !== undefined && item.dueDate < today;
}

/**
 * Open items agreed in meetings scheduled before the current one, overdue
 * first, then by due date (items without one last), then oldest first.
 * Sorting by due date already puts every overdue item first, whatever "today"
 * is, so the order needs no clock. An item whose meeting is unknown (a data
 * gap) is kept rather than dropped: an open commitment should stay visible.
 */
export function openItemsFromEarlierMeetings(
  actionItems: readonly ActionItem[],
  meetings: readonly Meeting[],
  currentMeetingId: string,
): ActionItem[] {
  const startOf = new Map(meetings.map((m) => [m.id, Date.parse(m.scheduledStart)]));
  const currentStart = startOf.get(currentMeetingId);
  return actionItems
    .filter(isOpen)
    .filter((item) => {
      if (item.meetingId === currentMeetingId) return false;
      const agreedAt = startOf.get(item.meetingId);
      return agreedAt === undefined || currentStart === undefined || agreedAt < currentStart;
    })
    .sort(byDueDate);
}

function byDueDate(a: ActionItem, b: ActionItem): number {
  if (a.dueDate !== b.dueDate) {
    if (a.dueDate === undefined) return 1;
    if (b.dueDate === undefined) return -1;
    return a.dueDate < b.dueDate ? -1 : 1;
  }
  if (a.createdAt !== b.createdAt) return Date.parse(a.createdAt) - Date.parse(b.createdAt);
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
