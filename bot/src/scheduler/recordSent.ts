import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import { CLAIM_LEASE_MS, type BotStore, type Claim } from '../store/botStore.js';

export interface RecordSentDeps {
  botStore: BotStore;
  clock: Clock;
  logger: Logger;
}

const QUICK_RETRIES_MS = [0, 100, 300, 1_000, 3_000];
const SLOW_RETRY_MS = 30_000;

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * After a card was posted: mark its delivery sent, trying again on failure,
 * and never give the claim back — a posted card released to pending would be
 * posted twice. Quick retries first; then, in the background, slower ones
 * until the claim's lease would run out. The one way left to post twice is
 * a crash between the post and a successful mark (stated in the README).
 */
export async function recordSent(deps: RecordSentDeps, claim: Claim, activityId: string | undefined): Promise<void> {
  if (await tryMarks(deps, claim, activityId, QUICK_RETRIES_MS)) return;
  const claimedAt = Date.parse(claim.delivery.claimedAt ?? deps.clock.now().toISOString());
  const slow = Array.from({ length: Math.floor(CLAIM_LEASE_MS / SLOW_RETRY_MS) - 1 }, () => SLOW_RETRY_MS);
  deps.logger.error(
    { seriesId: claim.delivery.seriesId, delivery: claim.delivery.id },
    'a posted card could not be marked sent yet; retrying in the background until its lease ends',
  );
  void tryMarks(deps, claim, activityId, slow, claimedAt + CLAIM_LEASE_MS);
}

async function tryMarks(
  deps: RecordSentDeps,
  claim: Claim,
  activityId: string | undefined,
  delays: readonly number[],
  until = Number.POSITIVE_INFINITY,
): Promise<boolean> {
  for (const delay of delays) {
    if (delay) await pause(delay);
    if (deps.clock.now().getTime() >= until) return false;
    try {
      const marked = await deps.botStore.complete(claim, activityId, deps.clock.now());
      if (!marked) {
        deps.logger.warn({ delivery: claim.delivery.id }, 'delivery was taken over before it could be marked sent');
      }
      return true;
    } catch (error) {
      deps.logger.warn({ err: error, delivery: claim.delivery.id }, 'marking a posted card sent failed; retrying');
    }
  }
  return false;
}
