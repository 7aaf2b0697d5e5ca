import type { ActionItem, Meeting, Series, Topic, TopicCategory } from './entities.js';
import { memberWithRole } from './entities.js';
import { localText, type LocalText } from './localText.js';
import { addDaysToDate, localDateOf, occurrencesBetween } from './schedule.js';

/**
 * The 1:1 health strip: four figures, each tied to one practice of the
 * mission and paired with one concrete next step. Figures are computed from
 * the series' own records only; with no history they say so ('none') and
 * offer a starting point, never a score made of nothing.
 */

export type HealthLevel = 'good' | 'watch' | 'concern' | 'none';
export type HealthKey = 'cadence' | 'leadership' | 'balance' | 'followThrough';

export interface HealthFigure {
  key: HealthKey;
  /** English; readers get `labelText`. */
  label: string;
  /** 0..1, or null when there is nothing to measure yet. */
  value: number | null;
  /** Short and countable, e.g. "3 of 4" (English; readers get `displayText`). */
  display: string;
  level: HealthLevel;
  /** English; readers get `nudgeText`. */
  nudge: string;
  /** The same three in the reader's words (catalog `domain.health.*`); names and counts are values. */
  labelText: LocalText;
  displayText: LocalText;
  nudgeText: LocalText;
  /** The question bank question a nudge quotes ("e.g. …"), so the reader can add it in their words. */
  askQuestionId?: string;
}

/** The question the balance nudges quote: the mission's own "Where do you want to grow?". */
export const GROWTH_QUESTION_ID = 'q-growth-01';

export interface HealthInput {
  series: Series;
  meetings: readonly Meeting[];
  topics: readonly Topic[];
  actionItems: readonly ActionItem[];
  now: Date;
}

/** Long enough to smooth over one holiday, short enough that a change of habit shows within weeks. */
export const WINDOW_WEEKS = 8;
/** Who leads and balance look at the current agenda and this many meetings held before it (about a month weekly). */
export const RECENT_MEETINGS = 4;
/**
 * Below this many topics a share swings wildly (1 of 2 is 50 %), so it may
 * ask to "watch" but never raises a "concern".
 */
const MIN_TOPICS_FOR_CONCERN = 3;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

export function seriesHealth(input: HealthInput): HealthFigure[] {
  const recent = recentTopics(input);
  return [cadenceKept(input), whoLeads(input.series, recent), balance(recent), followThrough(input)];
}

// ---------------------------------------------------------------------------
// Cadence kept — "set a consistent schedule" / pitfall "skipping meetings".

/**
 * Held (ended) meetings vs the cadence's slots whose scheduled end has passed
 * in the last 8 weeks, counted from the series' start when it is younger.
 * Thresholds: ≥ 85 % is good (a weekly 1:1 may miss one of eight, e.g. a
 * holiday); ≥ 60 % is worth watching; below that the rhythm is broken. A run
 * of missed slots since the last meeting held overrides the ratio: one miss
 * caps the level at 'watch', two in a row is a 'concern' whatever the ratio,
 * because the mission names skipping as the pitfall that signals "you are
 * not a priority".
 */
export function cadenceKept({ series, meetings, now }: Pick<HealthInput, 'series' | 'meetings' | 'now'>): HealthFigure {
  const live = meetings.filter((m) => !m.deletedAt);
  const start = seriesStart(series, live);
  const windowStart = new Date(Math.max(now.getTime() - WINDOW_WEEKS * 7 * DAY_MS, start.getTime()));
  const slotsEndedBy = new Date(now.getTime() - series.cadence.durationMinutes * MINUTE_MS + 1);
  const anchor = rhythmAnchor(series, live);
  const heldMeetings = live.filter((m) => {
    if (m.status !== 'ended') return false;
    const at = Date.parse(m.endedAt ?? m.scheduledStart);
    return at >= windowStart.getTime() && at <= now.getTime();
  });
  const held = heldMeetings.length;
  // A meeting held before its slot has passed used that slot up: the slot is planned, and kept, already.
  const heldEarly = heldMeetings.filter((m) => Date.parse(m.scheduledStart) >= slotsEndedBy.getTime()).length;
  const expected = occurrencesBetween(series.cadence, windowStart, slotsEndedBy, anchor).length + heldEarly;
  const missedInARow = missedSinceLastHeld(series, live, start, slotsEndedBy, anchor);
  const base = { key: 'cadence' as const, label: 'Cadence', labelText: localText('domain.health.cadence.label') };

  if (expected === 0) {
    if (held > 0) {
      return {
        ...base,
        value: 1,
        display: `${held} held`,
        level: 'good',
        nudge: 'Off to a good start. Keep the next 1:1 on the calendar.',
        displayText: localText('domain.health.cadence.display.held', { held }),
        nudgeText: localText('domain.health.cadence.nudge.firstHeld'),
      };
    }
    return {
      ...base,
      value: null,
      display: 'No 1:1 due yet',
      level: 'none',
      nudge: 'No 1:1 was due yet. Protect the first one: a steady rhythm is what builds trust.',
      displayText: localText('domain.health.cadence.display.noneDue'),
      nudgeText: localText('domain.health.cadence.nudge.noneDue'),
    };
  }
  const kept = Math.min(held, expected);
  const value = kept / expected;
  let level: HealthLevel = value >= 0.85 ? 'good' : value >= 0.6 ? 'watch' : 'concern';
  if (missedInARow >= 2) level = 'concern';
  else if (missedInARow === 1 && level === 'good') level = 'watch';

  const young = windowStart.getTime() === start.getTime();
  const period = young ? 'since you started' : `in the last ${WINDOW_WEEKS} weeks`;
  const since = young ? 'start' : 'window';
  let nudge: string;
  let nudgeText: LocalText;
  if (missedInARow > 0) {
    const last = missedInARow === 1 ? 'The last 1:1 did' : `The last ${missedInARow} 1:1s did`;
    nudge = `${last} not happen. Hold the next one, even if short: skipping tells your report they are not a priority.`;
    nudgeText = localText('domain.health.cadence.nudge.missed', { missed: missedInARow });
  } else if (level === 'good') {
    nudge = `You held ${kept} of ${expected} 1:1s ${period}. Keep protecting this time.`;
    nudgeText = localText('domain.health.cadence.nudge.kept', { kept, expected, since, weeks: WINDOW_WEEKS });
  } else {
    nudge = `${expected - kept} of ${expected} 1:1s ${period} did not happen. When a week gets busy, move the 1:1 rather than cancel it.`;
    nudgeText = localText('domain.health.cadence.nudge.slipped', {
      missed: expected - kept,
      expected,
      since,
      weeks: WINDOW_WEEKS,
    });
  }
  return {
    ...base,
    value,
    display: `${kept} of ${expected}`,
    level,
    nudge,
    displayText: localText('domain.health.cadence.display.kept', { kept, expected }),
    nudgeText,
  };
}

/** Slots passed since the last meeting held (or since the series began): skipped, cancelled or simply not held. */
function missedSinceLastHeld(
  series: Series,
  meetings: readonly Meeting[],
  start: Date,
  slotsEndedBy: Date,
  anchor: Date | undefined,
): number {
  if (meetings.some((m) => m.status === 'live')) return 0;
  // The last held is the one of the latest slot (meetings are held in order), as "who leads" reads them.
  const last = meetings
    .filter((m) => m.status === 'ended')
    .sort((a, b) => Date.parse(b.scheduledStart) - Date.parse(a.scheduledStart))[0];
  const lastHeld = last && Math.max(Date.parse(last.endedAt ?? last.scheduledStart), Date.parse(last.scheduledStart));
  // A meeting held early used up its own slot; count only the slots after it.
  const from = lastHeld !== undefined ? new Date(lastHeld + 1) : start;
  // occurrencesBetween refuses ranges over five years; a longer silence is "many" anyway.
  const earliest = slotsEndedBy.getTime() - 5 * 365 * DAY_MS;
  return occurrencesBetween(series.cadence, new Date(Math.max(from.getTime(), earliest)), slotsEndedBy, anchor).length;
}

/** When the series began: its creation, or its first meeting if that is earlier (imported history). */
function seriesStart(series: Series, meetings: readonly Meeting[]): Date {
  const first = Math.min(Date.parse(series.createdAt), ...meetings.map((m) => Date.parse(m.scheduledStart)));
  return new Date(first);
}

/** The biweekly rhythm follows the current meeting, as carry-over does when it schedules the next one. */
function rhythmAnchor(series: Series, meetings: readonly Meeting[]): Date | undefined {
  const current = meetings.find((m) => m.id === series.currentMeetingId);
  const latest = [...meetings].sort((a, b) => Date.parse(b.scheduledStart) - Date.parse(a.scheduledStart))[0];
  const anchor = current ?? latest;
  return anchor ? new Date(anchor.scheduledStart) : undefined;
}

// ---------------------------------------------------------------------------
// Topics of recent meetings, shared by "who leads" and "balance".

/**
 * Topics of the current meeting plus the last RECENT_MEETINGS meetings held,
 * tombstones left out. The current agenda counts so adding a topic moves the
 * figure at once. A topic carried over several times is one conversation, so
 * it counts once (by its origin), in its latest copy.
 */
export function recentTopics({
  series,
  meetings,
  topics,
}: Pick<HealthInput, 'series' | 'meetings' | 'topics'>): Topic[] {
  const live = meetings.filter((m) => !m.deletedAt);
  const held = live
    .filter((m) => m.status === 'ended' && m.id !== series.currentMeetingId)
    .sort((a, b) => Date.parse(b.scheduledStart) - Date.parse(a.scheduledStart))
    .slice(0, RECENT_MEETINGS);
  const startOf = new Map(live.map((m) => [m.id, Date.parse(m.scheduledStart)]));
  const ids = new Set([series.currentMeetingId, ...held.map((m) => m.id)]);
  const byOrigin = new Map<string, Topic>();
  for (const topic of topics) {
    if (topic.deletedAt || !ids.has(topic.meetingId)) continue;
    const seen = byOrigin.get(topic.originId);
    if (!seen || (startOf.get(topic.meetingId) ?? 0) > (startOf.get(seen.meetingId) ?? 0))
      byOrigin.set(topic.originId, topic);
  }
  return [...byOrigin.values()];
}

function capForSmallSample(level: HealthLevel, total: number): HealthLevel {
  return level === 'concern' && total < MIN_TOPICS_FOR_CONCERN ? 'watch' : level;
}

// ---------------------------------------------------------------------------
// Who leads — "let the employee lead the agenda" / pitfall "the manager dominating".

/**
 * Share of the recent topics the two people raised themselves that the
 * report raised. Topics from an agenda template or the question bank are
 * counted apart: whoever pressed the button, neither of them brought that
 * topic, so they neither help nor hurt the figure ("3 of 8 topics raised by
 * Sam, 2 from templates"). Thresholds: ≥ 50 % is good (the employee brings
 * at least half of the agenda); 30–50 % is worth watching; below 30 % the
 * manager is running the meeting.
 */
export function whoLeads(series: Series, recent: readonly Topic[]): HealthFigure {
  const report = memberWithRole(series, 'report');
  const base = {
    key: 'leadership' as const,
    label: 'Who leads',
    labelText: localText('domain.health.leadership.label'),
  };
  const total = recent.length;
  if (total === 0) {
    return {
      ...base,
      value: null,
      display: 'No topics yet',
      level: 'none',
      nudge: `No topics yet. Invite ${report.name} to add the first one: the 1:1 is their meeting.`,
      displayText: localText('domain.health.noTopics'),
      nudgeText: localText('domain.health.leadership.nudge.noTopics', { report: report.name }),
    };
  }
  const fromTemplates = recent.filter((t) => t.source === 'template').length;
  const fromQuestions = recent.filter((t) => t.source === 'question').length;
  const raised = total - fromTemplates - fromQuestions;
  const byReport = recent.filter((t) => (t.source ?? 'member') === 'member' && t.addedBy === report.userId).length;
  const apart = [
    ...(fromTemplates > 0 ? [`${fromTemplates} from templates`] : []),
    ...(fromQuestions > 0 ? [`${fromQuestions} from the question bank`] : []),
  ];
  const display = [`${byReport} of ${total} topics raised by ${report.name}`, ...apart].join(', ');
  const otherwise = apart.length > 0 ? `; ${apart.join(' and ')}` : '';
  const displayText = localText('domain.health.leadership.display', {
    byReport,
    total,
    report: report.name,
    fromTemplates,
    fromQuestions,
  });
  if (raised === 0) {
    return {
      ...base,
      value: null,
      display,
      level: 'none',
      nudge: `Every recent topic came from a template or the question bank. Invite ${report.name} to add one of their own: the 1:1 is their meeting.`,
      displayText,
      nudgeText: localText('domain.health.leadership.nudge.noneOwn', { report: report.name }),
    };
  }
  const value = byReport / raised;
  const level = capForSmallSample(value >= 0.5 ? 'good' : value >= 0.3 ? 'watch' : 'concern', raised);
  const nudge =
    level === 'good'
      ? `${report.name} raised ${byReport} of the ${raised} recent topics you two brought yourselves${otherwise}. The employee leads, as it should be.`
      : `${report.name} raised ${byReport} of the ${raised} recent topics you two brought yourselves${otherwise}. Ask what they want to talk about before you add yours; their topics go first.`;
  const apartKind =
    fromTemplates > 0 && fromQuestions > 0
      ? 'both'
      : fromTemplates > 0
        ? 'templates'
        : fromQuestions > 0
          ? 'questions'
          : 'none';
  const nudgeText = localText(
    level === 'good' ? 'domain.health.leadership.nudge.good' : 'domain.health.leadership.nudge.low',
    {
      report: report.name,
      byReport,
      raised,
      apart: apartKind,
      fromTemplates,
      fromQuestions,
    },
  );
  return { ...base, value, display, level, nudge, displayText, nudgeText };
}

// ---------------------------------------------------------------------------
// Balance — "balance work and personal development" / pitfall "status report".

/**
 * The categories about the person rather than the work: what balance counts,
 * and what every sentence about balance names (catalog `…balance…`: "growth,
 * wellbeing or feedback"). Feedback counts: it is about how the person works
 * and grows, not a status update.
 */
export const PERSONAL_CATEGORIES: readonly TopicCategory[] = ['growth', 'wellbeing', 'feedback'];

/**
 * Share of recent topics about growth, wellbeing or feedback. Thresholds: ≥ 25 % is
 * good (about one topic in four is about the person rather than the work);
 * 10–25 % is worth watching; below 10 % the 1:1 has become a status report.
 */
export function balance(recent: readonly Topic[]): HealthFigure {
  const base = { key: 'balance' as const, label: 'Balance', labelText: localText('domain.health.balance.label') };
  const total = recent.length;
  if (total === 0) {
    return {
      ...base,
      value: null,
      display: 'No topics yet',
      level: 'none',
      nudge: 'No topics yet. Mix work with growth from the start, e.g. "Where do you want to grow?"',
      displayText: localText('domain.health.noTopics'),
      nudgeText: localText('domain.health.balance.nudge.noTopics'),
      askQuestionId: GROWTH_QUESTION_ID,
    };
  }
  const personal = recent.filter((t) => PERSONAL_CATEGORIES.includes(t.category)).length;
  const value = personal / total;
  const level = capForSmallSample(value >= 0.25 ? 'good' : value >= 0.1 ? 'watch' : 'concern', total);
  const nudge =
    level === 'good'
      ? `${personal} of ${total} recent topics were about growth, wellbeing or feedback: a coaching conversation, not a status report.`
      : `Only ${personal} of ${total} recent topics were about growth, wellbeing or feedback; this risks becoming a status report. Add one, e.g. "Where do you want to grow?"`;
  return {
    ...base,
    value,
    display: `${personal} of ${total} topics`,
    level,
    nudge,
    displayText: localText('domain.health.balance.display', { personal, total }),
    nudgeText: localText(level === 'good' ? 'domain.health.balance.nudge.good' : 'domain.health.balance.nudge.low', {
      personal,
      total,
    }),
    ...(level === 'good' ? {} : { askQuestionId: GROWTH_QUESTION_ID }),
  };
}

// ---------------------------------------------------------------------------
// Follow-through — "follow up on action points".

/** Done on or before its due date, read in the series' time zone (the day the pair meets in). */
export function doneByDueDate(item: Pick<ActionItem, 'doneAt' | 'dueDate'>, timeZone: string): boolean {
  return (
    item.doneAt !== undefined &&
    item.dueDate !== undefined &&
    localDateOf(new Date(item.doneAt), timeZone) <= item.dueDate
  );
}

/** Done, but after its due date: what follow-through counts as "done late", and the summary card says. */
export function doneLate(item: Pick<ActionItem, 'doneAt' | 'dueDate'>, timeZone: string): boolean {
  return item.doneAt !== undefined && item.dueDate !== undefined && !doneByDueDate(item, timeZone);
}

/**
 * Action items done by their due date, among those due in the last 8 weeks
 * (an item due today counts once it is done, and as late only from tomorrow).
 * Dates are read in the series' time zone, the zone the pair meets in.
 * Thresholds: ≥ 80 % is good (commitments are kept, the odd slip happens);
 * ≥ 50 % is worth watching; below that, action items are not followed up.
 */
export function followThrough({
  series,
  actionItems,
  now,
}: Pick<HealthInput, 'series' | 'actionItems' | 'now'>): HealthFigure {
  const timeZone = series.cadence.timeZone;
  const today = localDateOf(now, timeZone);
  const windowStart = addDaysToDate(today, -WINDOW_WEEKS * 7);
  const base = {
    key: 'followThrough' as const,
    label: 'Follow-through',
    labelText: localText('domain.health.followThrough.label'),
  };
  const onTime = (item: ActionItem) => doneByDueDate(item, timeZone);
  const due = actionItems.filter(
    (item) =>
      !item.deletedAt &&
      item.dueDate !== undefined &&
      item.dueDate >= windowStart &&
      (item.dueDate < today || (item.dueDate === today && onTime(item))),
  );
  if (due.length === 0) {
    return {
      ...base,
      value: null,
      display: 'Nothing due yet',
      level: 'none',
      nudge: 'No action items were due yet. Close each topic with a next step, an owner and a due date.',
      displayText: localText('domain.health.followThrough.display.nothingDue'),
      nudgeText: localText('domain.health.followThrough.nudge.nothingDue'),
    };
  }
  const kept = due.filter(onTime).length;
  // "Slipped" is "not done by its due date", and the words say which way: done later, or still open.
  const late = due.filter((item) => item.doneAt !== undefined && !onTime(item)).length;
  const open = due.length - kept - late;
  const slippedKind = late > 0 && open > 0 ? 'both' : late > 0 ? 'late' : 'open';
  const value = kept / due.length;
  const level: HealthLevel = value >= 0.8 ? 'good' : value >= 0.5 ? 'watch' : 'concern';
  const slippedWords = {
    open: `${open} of ${due.length} action items are still open past their due date. Start the next 1:1 with them: finish, re-plan or drop each one.`,
    late: `${late} of ${due.length} action items were done, but after their due date. Set due dates you can keep, or re-plan early when one slips.`,
    both: `${due.length - kept} of ${due.length} action items slipped: ${late} done after their due date, ${open} still open. Start the next 1:1 with the open ones: finish, re-plan or drop each one.`,
  }[slippedKind];
  const nudge =
    level === 'good'
      ? `${kept} of ${due.length} action items were done on time. Keep opening each 1:1 with last time's items.`
      : slippedWords;
  return {
    ...base,
    value,
    display: `${kept} of ${due.length} on time`,
    level,
    nudge,
    displayText: localText('domain.health.followThrough.display', { kept, due: due.length }),
    nudgeText:
      level === 'good'
        ? localText('domain.health.followThrough.nudge.good', { kept, due: due.length })
        : localText('domain.health.followThrough.nudge.slipped', {
            kind: slippedKind,
            slipped: due.length - kept,
            late,
            open,
            due: due.length,
          }),
  };
}
