import { describe, expect, it } from 'vitest';
import {
  claimable,
  DUE_LOOKBACK_DAYS,
  dueBucket,
  dueBuckets,
  dueEntryFor,
  EFFECT_LEASE_MS,
  effectId,
  newEffect,
} from './effects.js';
import { RecordId } from './entities.js';

const now = new Date(Date.UTC(2030, 0, 10, 12, 0));

describe('effects', () => {
  it('a tick reads a fixed number of due days, ending today', () => {
    const buckets = dueBuckets(now);
    expect(buckets).toHaveLength(DUE_LOOKBACK_DAYS + 1);
    expect(buckets.at(-1)).toBe(dueBucket(now));
    expect(new Set(buckets).size).toBe(buckets.length);
  });

  it('an effect is claimable when due and pending, or when its claim outlived the lease', () => {
    const due = newEffect('s-1', 'summary', 'm-1', new Date(now.getTime() - 1));
    expect(claimable(due, now)).toBe(true);
    expect(claimable({ ...due, dueAt: new Date(now.getTime() + 1).toISOString() }, now)).toBe(false);
    const held = { ...due, state: 'running' as const, claimedAt: now.toISOString() };
    expect(claimable(held, new Date(now.getTime() + EFFECT_LEASE_MS))).toBe(false);
    expect(claimable(held, new Date(now.getTime() + EFFECT_LEASE_MS + 1))).toBe(true);
    expect(claimable({ ...due, state: 'done' }, now)).toBe(false);
  });

  it('ids stay valid record ids whatever the subject, and the same for the same effect', () => {
    const long = `s-${'x'.repeat(200)}`;
    expect(RecordId.safeParse(effectId('userIndex', long)).success).toBe(true);
    expect(effectId('prompt', 'm-1')).toBe(effectId('prompt', 'm-1'));
    expect(effectId('prompt', 'm-1')).not.toBe(effectId('summary', 'm-1'));
    const entry = dueEntryFor(newEffect(long, 'userIndex', long, now), now);
    expect(entry.id.length).toBeLessThanOrEqual(255);
    expect(entry.bucket).toBe(dueBucket(now));
  });
});
