import {
  claimable,
  dueEntryFor,
  EFFECT_LEASE_MS,
  effectId,
  finished,
  MAX_EFFECT_ATTEMPTS,
  type DueEntry,
  type Effect,
  type EffectKind,
  updatesFirstSummary,
} from '../../../domain/effects.js';
import type { Clock } from '../clock.js';
import type { EffectRunner } from '../commands/context.js';
import { writeUserIndex } from '../commands/userIndex.js';
import type { Logger } from '../logger.js';
import type { BotStore } from '../store/botStore.js';
import type { StoredEffect } from '../store/effectStore.js';
import type { Store } from '../store/index.js';
import type { NarrativeWriter } from '../summary/narrativePrompt.js';
import { decideCard } from './cardEffects.js';
import type { ChatPoster } from './chatPoster.js';

/**
 * The one effects processor. Commands commit their effects with their
 * records (commands/commit.ts); this runs them: right after the commit
 * (`runNow`), and on every tick for whatever is still due — a failed post, a
 * crash between commit and run, an instance that died holding a claim, a
 * prompt whose time has come. A tick reads the small due-time index
 * (domain/effects.ts: a fixed number of single-partition queries), never the
 * records, so its Cosmos requests follow the work due, not the number of 1:1s.
 *
 * Each effect runs claim → act → mark done (`runEffect`), idempotent per
 * effect id: the claim is an ETag-guarded write with a lease, so of several
 * instances one runs it; a finished effect is never run again. A card is
 * posted at most once except in one window: a crash (or a lease running out)
 * after the post and before its "done" mark lands — the mark is written right
 * after the post, retried at once and then in the background until the lease
 * ends, and never given back to pending. The index update has no such window:
 * running it twice writes the same entries.
 */
export interface EffectsDeps {
  store: Store;
  botStore: BotStore;
  poster: ChatPoster;
  narrative?: NarrativeWriter;
  clock: Clock;
  logger: Logger;
  /** Identifies this instance in claims (for the logs of a multi-instance deployment). */
  instanceId: string;
  leadHours: number;
  intervalSeconds: number;
  panelUrl(chatId: string): string | undefined;
}

export interface TickReport {
  /** Meeting ids whose prompt this instance posted in this tick. */
  prompts: string[];
  /** Meeting ids whose skipped-meetings nudge this instance posted in this tick. */
  nudges: string[];
  /** Meeting ids whose summary this instance posted in this tick. */
  summaries: string[];
  /** Series ids whose per-user index this instance wrote in this tick. */
  indexes: string[];
}

export interface EffectsProcessor extends EffectRunner {
  tick(): Promise<TickReport>;
  /** When the prompt for a series' current meeting is due (for the local page's clock button). */
  promptDueAt(seriesId: string): Promise<Date | undefined>;
  start(): void;
  stop(): Promise<void>;
}

/** Entries read per tick; the rest wait for the next one. */
const TICK_BATCH = 50;
/**
 * An index entry is written just before the commit that holds its effect; one
 * whose effect is still absent after this long belongs to a commit that
 * failed (no request lives this long) and is dropped.
 */
const ORPHAN_GRACE_MS = 10 * 60_000;

const QUICK_MARK_RETRIES_MS = [0, 100, 300, 1_000, 3_000];
const SLOW_MARK_RETRY_MS = 30_000;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

type Outcome = 'done' | 'dropped' | 'failed' | 'skipped';

const REPORTED: Record<EffectKind, keyof TickReport> = {
  prompt: 'prompts',
  nudge: 'nudges',
  summary: 'summaries',
  userIndex: 'indexes',
};

export function createEffectsProcessor(deps: EffectsDeps): EffectsProcessor {
  const { store, logger } = deps;
  const leadMs = deps.leadHours * 3_600_000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<TickReport> | undefined;

  /** What the effect does, once claimed: answers the posted message's id, or why nothing was owed. */
  async function act(effect: Effect, now: Date): Promise<{ activityId?: string } | { drop: string } | { later: Date }> {
    if (effect.kind === 'userIndex') {
      const series = (await store.records.read(effect.seriesId, effect.seriesId))?.record;
      if (series?.type !== 'series') return { drop: 'series gone' };
      await writeUserIndex({ store, clock: deps.clock }, series);
      return {};
    }
    const binding = await deps.botStore.chatBinding(effect.seriesId);
    if (!binding) return { drop: 'no chat to post to (the app is not installed in it)' };
    const decision = await decideCard(
      { store, logger, leadMs, panelUrl: deps.panelUrl, ...narrative() },
      effect,
      binding,
      now,
    );
    if (!('card' in decision)) return decision;
    const posted = updatesFirstSummary(effect) ? await firstSummaryCard(effect) : undefined;
    if (posted) {
      await deps.poster.update(binding, posted, decision.card);
      return { activityId: posted };
    }
    const activityId = await deps.poster.post(binding, decision.card);
    return activityId ? { activityId } : {};
  }

  /**
   * The message of the card a rejoined call's first end posted, which its
   * final end updates in place. Until that first card is posted this waits
   * (throws: retried on a later tick) rather than post a second card; a first
   * end that posted nothing (dropped) leaves this one to post its own.
   */
  async function firstSummaryCard(effect: Effect): Promise<string | undefined> {
    const first = (await store.effects.read(effect.seriesId, effectId('summary', effect.subject)))?.effect;
    if (!first || first.state === 'dropped') return undefined;
    if (first.state !== 'done') throw new Error('the first summary of this meeting is not posted yet');
    return first.activityId;
  }

  function narrative(): { narrative?: NarrativeWriter } {
    return deps.narrative ? { narrative: deps.narrative } : {};
  }

  /**
   * Claim → act → mark. The one sequence every effect goes through (it was
   * written twice before, for prompts and for summaries).
   */
  async function runEffect(found: StoredEffect, now: Date): Promise<Outcome> {
    if (!claimable(found.effect, now)) return 'skipped';
    const claim = await store.effects.replaceIfUnchanged(
      { ...found.effect, state: 'running', claimedBy: deps.instanceId, claimedAt: now.toISOString() },
      found.etag,
    );
    if (!claim) return 'skipped';
    const { effect } = claim;
    let result: Awaited<ReturnType<typeof act>>;
    try {
      result = await act(effect, now);
    } catch (error) {
      // Not done: the claim goes back to pending for a later tick (given up after MAX_EFFECT_ATTEMPTS).
      const attempts = effect.attempts + 1;
      const released: Effect = {
        ...effect,
        state: attempts >= MAX_EFFECT_ATTEMPTS ? 'dropped' : 'pending',
        attempts,
        lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
      };
      delete released.claimedBy;
      delete released.claimedAt;
      await store.effects.replaceIfUnchanged(released, claim.etag);
      logger.warn({ err: error, seriesId: effect.seriesId, effect: effect.id, state: released.state }, 'effect failed');
      return 'failed';
    }
    if ('later' in result) {
      // The prompt's meeting moved later: due again then, with its index entry.
      const rearmed: Effect = { ...effect, state: 'pending', dueAt: result.later.toISOString() };
      delete rearmed.claimedBy;
      delete rearmed.claimedAt;
      await store.effects.putDue(dueEntryFor(rearmed, now));
      await store.effects.replaceIfUnchanged(rearmed, claim.etag);
      return 'skipped';
    }
    if ('drop' in result) {
      await store.effects.replaceIfUnchanged(
        { ...effect, state: 'dropped', lastError: result.drop.slice(0, 500) },
        claim.etag,
      );
      logger.info({ seriesId: effect.seriesId, effect: effect.id, why: result.drop }, 'effect dropped');
      return 'dropped';
    }
    // Done (for a card: posted): from here on the claim is never given back, or the card would be posted twice.
    await markDone(claim, result.activityId);
    logger.info({ seriesId: effect.seriesId, effect: effect.id }, 'effect done');
    return 'done';
  }

  async function markDone(claim: StoredEffect, activityId: string | undefined): Promise<void> {
    if (await tryMarks(claim, activityId, QUICK_MARK_RETRIES_MS)) return;
    const claimedAt = Date.parse(claim.effect.claimedAt ?? deps.clock.now().toISOString());
    const slow = Array.from({ length: Math.floor(EFFECT_LEASE_MS / SLOW_MARK_RETRY_MS) - 1 }, () => SLOW_MARK_RETRY_MS);
    logger.error(
      { seriesId: claim.effect.seriesId, effect: claim.effect.id },
      'a finished effect could not be marked done yet; retrying in the background until its lease ends',
    );
    void tryMarks(claim, activityId, slow, claimedAt + EFFECT_LEASE_MS);
  }

  /** Marks done; a 412 means the mark did land (its answer was lost) or the lease was taken over: read and see. */
  async function tryMarks(
    claim: StoredEffect,
    activityId: string | undefined,
    delays: readonly number[],
    until = Number.POSITIVE_INFINITY,
  ): Promise<boolean> {
    const done: Effect = {
      ...claim.effect,
      state: 'done',
      doneAt: deps.clock.now().toISOString(),
      ...(activityId ? { activityId } : {}),
    };
    for (const delay of delays) {
      if (delay) await pause(delay);
      if (deps.clock.now().getTime() >= until) return false;
      try {
        if (await store.effects.replaceIfUnchanged(done, claim.etag)) return true;
        const current = await store.effects.read(claim.effect.seriesId, claim.effect.id);
        if (!current || finished(current.effect)) return true;
        if (current.effect.state === 'running' && current.effect.claimedBy === claim.effect.claimedBy) {
          if (await store.effects.replaceIfUnchanged({ ...done, claimedAt: current.effect.claimedAt! }, current.etag))
            return true;
          continue;
        }
        logger.warn({ effect: claim.effect.id }, 'effect was taken over before it could be marked done');
        return true;
      } catch (error) {
        logger.warn({ err: error, effect: claim.effect.id }, 'marking an effect done failed; retrying');
      }
    }
    return false;
  }

  /** One index entry: its effect run if due, the entry removed once nothing is left to do for it. */
  async function runEntry(entry: DueEntry, now: Date): Promise<{ outcome: Outcome; effect?: Effect }> {
    const found = await store.effects.read(entry.seriesId, entry.effectId);
    if (!found) {
      if (now.getTime() - Date.parse(entry.writtenAt) > ORPHAN_GRACE_MS) await store.effects.removeDue(entry);
      return { outcome: 'skipped' };
    }
    // An entry of an earlier due time (a prompt re-armed since): the effect has its own entry now.
    if (!finished(found.effect) && found.effect.dueAt !== entry.dueAt) {
      await store.effects.removeDue(entry);
      return { outcome: 'skipped' };
    }
    const outcome = finished(found.effect) ? 'skipped' : await runEffect(found, now);
    const after =
      outcome === 'skipped' ? found.effect : (await store.effects.read(entry.seriesId, entry.effectId))?.effect;
    if (!after || finished(after) || after.dueAt !== entry.dueAt) await store.effects.removeDue(entry);
    return { outcome, effect: found.effect };
  }

  async function runTick(): Promise<TickReport> {
    const now = deps.clock.now();
    const report: TickReport = { prompts: [], nudges: [], summaries: [], indexes: [] };
    for (const entry of await store.effects.dueEntries(now, TICK_BATCH)) {
      try {
        const { outcome, effect } = await runEntry(entry, now);
        if (outcome === 'done' && effect) report[REPORTED[effect.kind]].push(effect.subject);
      } catch (error) {
        logger.warn({ err: error, seriesId: entry.seriesId, effect: entry.effectId }, 'running a due effect failed');
      }
    }
    return report;
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
    async runNow(effects) {
      const now = deps.clock.now();
      for (const effect of effects) {
        // Prompts are time-driven: posted by the tick when their time comes, as the scheduler did.
        if (effect.kind === 'prompt' || Date.parse(effect.dueAt) > now.getTime()) continue;
        try {
          const found = await store.effects.read(effect.seriesId, effect.id);
          if (!found) continue;
          const outcome = await runEffect(found, now);
          if (outcome === 'done' || outcome === 'dropped')
            await store.effects.removeDue(dueEntryFor(found.effect, now));
        } catch (error) {
          // Left pending: the next tick finds it through the due-time index.
          logger.warn(
            { err: error, seriesId: effect.seriesId, effect: effect.id },
            'effect not run yet; the processor retries it',
          );
        }
      }
    },
    async promptDueAt(seriesId) {
      const series = (await store.records.read(seriesId, seriesId))?.record;
      if (series?.type !== 'series') return undefined;
      const meeting = (await store.records.read(seriesId, series.currentMeetingId))?.record;
      return meeting?.type === 'meeting' ? new Date(Date.parse(meeting.scheduledStart) - leadMs) : undefined;
    },
    start() {
      if (timer) return;
      timer = setInterval(() => {
        tick().catch((error: unknown) => logger.error({ err: error }, 'effects tick failed'));
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
