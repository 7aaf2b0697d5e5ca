import type { Meeting, SharedRecord } from '../../../domain/entities.js';
import type { Clock } from '../clock.js';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import { promptCard } from '../cards/promptCard.js';
import { skippedNudgeCard } from '../cards/noticeCard.js';
import { translatorFor, type Translator } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import type { RecordRepository } from '../store/recordStore.js';
import type { BotStore, ChatMember, Claim, DeliveryKind } from '../store/botStore.js';
import type { ChatPoster } from './chatPoster.js';
import { recordSent } from './recordSent.js';
import {
  promptStillOpen,
  promptViewFor,
  secondSkipInARow,
  splitRecords,
  upcomingMeeting,
  type SeriesRecords,
} from '../views/promptView.js';

/**
 * The durable pre-meeting scheduler. Nothing is kept in memory between ticks:
 * each tick asks Cosmos which meetings are due for a prompt (or call for a
 * nudge) and posts each one after claiming its delivery, so any number of
 * instances can tick at once and a message is posted once. A prompt that
 * came due while no instance was running is posted on the next tick, late,
 * as long as its meeting has not started.
 */
export interface SchedulerDeps {
  clock: Clock;
  records: RecordRepository<SharedRecord>;
  botStore: BotStore;
  poster: ChatPoster;
  logger: Logger;
  /** Identifies this instance in claims (for the logs of a multi-instance deployment). */
  instanceId: string;
  leadHours: number;
  intervalSeconds: number;
  /** Re-posts summaries whose first post failed (summary/postSummary.ts). */
  retrySummaries?: () => Promise<string[]>;
  /** Finishes meeting closes that stopped half-way (commands/meetingLifecycle.ts); answers their meeting ids. */
  settleCloses?: () => Promise<string[]>;
}

export interface TickReport {
  /** Meeting ids whose prompt this instance posted in this tick. */
  prompts: string[];
  /** Meeting ids whose skipped-meetings nudge this instance posted in this tick. */
  nudges: string[];
  /** Meeting ids whose summary this instance posted on a retry in this tick. */
  summaries: string[];
  /** Meeting ids whose half-done close this instance finished in this tick. */
  settled: string[];
}

export interface Scheduler {
  tick(): Promise<TickReport>;
  /** Right after a meeting was skipped or cancelled: the nudge, if it was the second in a row. */
  afterSkip(seriesId: string, meetingId: string): Promise<boolean>;
  /** When the prompt for a series' current meeting is due (for the local page's clock button). */
  promptDueAt(seriesId: string): Promise<Date | undefined>;
  start(): void;
  stop(): Promise<void>;
}

const HOUR_MS = 3_600_000;
/** How far back a skipped occurrence still earns a nudge: older ones are history, not news. */
const NUDGE_LOOKBACK_MS = 35 * 24 * HOUR_MS;

export function createScheduler(deps: SchedulerDeps): Scheduler {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickReport> | undefined;
  const leadMs = deps.leadHours * HOUR_MS;

  async function dueMeetings(now: Date): Promise<Meeting[]> {
    const found = await deps.records.queryAcrossSeries(
      "SELECT * FROM c WHERE c.type = 'meeting' AND c.status = 'scheduled' AND c.scheduledStart > @now AND c.scheduledStart <= @horizon",
      [
        { name: '@now', value: now.toISOString() },
        { name: '@horizon', value: new Date(now.getTime() + leadMs).toISOString() },
      ],
    );
    return found.filter((r): r is Meeting => r.type === 'meeting' && !r.deletedAt);
  }

  async function skippedMeetings(now: Date): Promise<Meeting[]> {
    const found = await deps.records.queryAcrossSeries(
      "SELECT * FROM c WHERE c.type = 'meeting' AND (c.status = 'skipped' OR c.status = 'cancelled') AND c.scheduledStart > @since AND c.scheduledStart <= @horizon",
      [
        { name: '@since', value: new Date(now.getTime() - NUDGE_LOOKBACK_MS).toISOString() },
        { name: '@horizon', value: new Date(now.getTime() + leadMs).toISOString() },
      ],
    );
    return found.filter((r): r is Meeting => r.type === 'meeting' && !r.deletedAt);
  }

  /** Claims, posts, and records the outcome; a failed post gives the claim back for a later tick. */
  async function deliver(
    state: SeriesRecords,
    kind: DeliveryKind,
    meetingId: string,
    now: Date,
    /** The chat's members, and its last known language (see ChatBinding.locale): nobody is being answered. */
    build: (members: ChatMember[], t: Translator) => AdaptiveCard | undefined,
  ): Promise<boolean> {
    const binding = await deps.botStore.chatBinding(state.series.id);
    if (!binding) {
      deps.logger.debug({ seriesId: state.series.id, kind }, 'no chat binding yet; nothing to post to');
      return false;
    }
    const card = build(binding.members, translatorFor(binding.locale));
    if (!card) return false;
    const claim: Claim | undefined = await deps.botStore.claim(
      { seriesId: state.series.id, kind, meetingId },
      deps.instanceId,
      now,
    );
    if (!claim) return false;
    let activityId: string | undefined;
    try {
      activityId = await deps.poster.post(binding, card);
    } catch (error) {
      // Not posted: the claim goes back to pending for a later tick.
      const released = await deps.botStore.release(claim, error instanceof Error ? error.message : String(error));
      deps.logger.warn(
        { err: error, seriesId: state.series.id, meetingId, kind, state: released?.state },
        'post failed',
      );
      return false;
    }
    // Posted: from here on the claim is never given back (that would post the card twice).
    await recordSent(deps, claim, activityId);
    deps.logger.info({ seriesId: state.series.id, meetingId, kind }, 'posted');
    return true;
  }

  /**
   * Meetings whose prompt delivery was written pending with their schedule and
   * is due now. A prompt whose meeting was skipped, cancelled, started or
   * deleted first is withdrawn, so later ticks stop reading it.
   */
  async function pendingPromptMeetings(now: Date): Promise<Meeting[]> {
    const owed = (await deps.botStore.retryable('prompt', now)).filter(
      (d) => !d.dueAt || Date.parse(d.dueAt) <= now.getTime(),
    );
    const found: Meeting[] = [];
    for (const delivery of owed) {
      const meeting = (await deps.records.read(delivery.seriesId, delivery.meetingId))?.record;
      if (meeting?.type === 'meeting' && meeting.status === 'scheduled' && !meeting.deletedAt) found.push(meeting);
      else {
        const why =
          meeting?.type !== 'meeting'
            ? 'meeting gone'
            : meeting.deletedAt
              ? 'meeting deleted'
              : `meeting ${meeting.status}`;
        if (await deps.botStore.withdraw(delivery, why))
          deps.logger.info({ seriesId: delivery.seriesId, meetingId: delivery.meetingId, why }, 'prompt withdrawn');
      }
    }
    return found;
  }

  async function loadState(seriesId: string): Promise<SeriesRecords | undefined> {
    return splitRecords(await deps.records.loadSeries(seriesId));
  }

  async function runTick(): Promise<TickReport> {
    const now = deps.clock.now();
    const report: TickReport = { prompts: [], nudges: [], summaries: [], settled: [] };
    if (deps.settleCloses) report.settled = await deps.settleCloses();

    // Keyed by series too: meeting ids come from the slot's time, so two 1:1s at the same hour share one.
    const due = new Map<string, Meeting>();
    for (const meeting of [...(await dueMeetings(now)), ...(await pendingPromptMeetings(now))]) {
      const dueAt = Date.parse(meeting.scheduledStart) - leadMs;
      if (dueAt <= now.getTime() && Date.parse(meeting.scheduledStart) > now.getTime())
        due.set(`${meeting.seriesId}/${meeting.id}`, meeting);
    }
    for (const meeting of due.values()) {
      const state = await loadState(meeting.seriesId);
      if (!state || !promptStillOpen(state, meeting.id)) continue;
      const posted = await deliver(state, 'prompt', meeting.id, now, (members, t) => {
        const view = promptViewFor(state, meeting.id, members);
        return view && promptCard(view, t);
      });
      if (posted) report.prompts.push(meeting.id);
    }

    // Nudges are posted right after the skip (afterSkip); this catches one whose post failed.
    for (const meeting of await skippedMeetings(now)) {
      if (await nudge(meeting.seriesId, meeting.id, now)) report.nudges.push(meeting.id);
    }
    if (deps.retrySummaries) report.summaries = await deps.retrySummaries();
    return report;
  }

  async function nudge(seriesId: string, meetingId: string, now: Date): Promise<boolean> {
    const state = await loadState(seriesId);
    const meeting = state?.meetings.find((m) => m.id === meetingId);
    if (!state || !meeting || !secondSkipInARow(state.meetings, meeting)) return false;
    const next = upcomingMeeting(state, now);
    return deliver(state, 'nudge', meeting.id, now, (_members, t) =>
      skippedNudgeCard(next ? { nextMeeting: next.scheduledStart } : {}, t),
    );
  }

  function tick(): Promise<TickReport> {
    // One tick at a time per instance; other instances are kept apart by the claims.
    running ??= runTick().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    tick,
    afterSkip: (seriesId, meetingId) => nudge(seriesId, meetingId, deps.clock.now()),
    async promptDueAt(seriesId) {
      const state = await loadState(seriesId);
      const meeting = state?.meetings.find((m) => m.id === state.series.currentMeetingId);
      return meeting ? new Date(Date.parse(meeting.scheduledStart) - leadMs) : undefined;
    },
    start() {
      if (timer) return;
      timer = setInterval(() => {
        tick().catch((error: unknown) => deps.logger.error({ err: error }, 'scheduler tick failed'));
      }, deps.intervalSeconds * 1000);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running?.catch(() => undefined);
    },
  };
}
