import { describe, expect, it } from 'vitest';
import type { Meeting, Series, Topic } from '../../domain/entities.js';
import { SeriesCache } from '../../bot/src/store/seriesCache.js';
import { answersPlanLocally } from '../../bot/src/store/queryPlan.js';

/**
 * The series cache's own rules (the behaviour through the service is in
 * tests/api/cosmosRequests.test.ts and tests/scale/seriesCache.test.ts).
 */

const base = { seriesId: 's-1', createdAt: '2026-12-01T10:00:00.000Z', updatedAt: '2026-12-01T10:00:00.000Z' };
const topic = (version: number, text = 'Growth'): Topic => ({
  ...base,
  id: 't-1',
  version,
  type: 'topic',
  meetingId: 'm-1',
  text,
  category: 'work',
  addedBy: 'u-1',
  order: 'a0',
  status: 'open',
  carriedOverCount: 0,
  originId: 't-1',
  fieldVersions: {},
});
const meeting = (version: number, status: Meeting['status']): Meeting => ({
  ...base,
  id: 'm-1',
  version,
  type: 'meeting',
  scheduledStart: '2026-12-03T10:00:00.000Z',
  status,
  ...(status === 'ended' ? { nextMeeting: { id: 'm-2', scheduledStart: '2026-12-10T10:00:00.000Z' } } : {}),
});

describe('SeriesCache', () => {
  it('keeps the newer version of a record, whichever arrives last', () => {
    const cache = new SeriesCache();
    cache.put({ record: topic(3, 'new'), etag: 'e3' });
    cache.put({ record: topic(2, 'old'), etag: 'e2' });
    expect(cache.get('s-1', 't-1')).toEqual({ record: topic(3, 'new'), etag: 'e3' });
  });

  it('drops a record when one version arrives with two different ETags', () => {
    const cache = new SeriesCache();
    cache.put({ record: topic(2), etag: 'e2' });
    cache.put({ record: topic(2), etag: 'other' });
    expect(cache.get('s-1', 't-1')).toBeUndefined();
  });

  it('tells what it handed out, so a refusal decided on it is checked afresh', () => {
    const cache = new SeriesCache();
    const fresh = { record: topic(1), etag: 'e1' };
    cache.put(fresh);
    expect(cache.fromCache(fresh)).toBe(false);
    expect(cache.fromCache(cache.get('s-1', 't-1'))).toBe(true);
  });

  it('holds a series and its meetings whatever their age: a copy, checked by the request that uses it', () => {
    const cache = new SeriesCache();
    const series = { ...base, id: 's-1', version: 1, type: 'series' } as unknown as Series;
    cache.put({ record: series, etag: 's1' });
    cache.put({ record: meeting(1, 'live'), etag: 'm1' });
    // No trust window: nothing expires, and what is handed out is marked so a refusal is confirmed afresh.
    expect(cache.fromCache(cache.get('s-1', 's-1'))).toBe(true);
    expect(cache.get('s-1', 'm-1')?.record).toMatchObject({ status: 'live' });
  });

  it('an agenda is read from the cache only once every topic of it is held', () => {
    const cache = new SeriesCache();
    cache.put({ record: topic(1), etag: 'e1' });
    expect(cache.agenda('s-1', 'm-1')).toBeUndefined();
    cache.completeAgenda('s-1', 'm-1', [{ record: topic(1), etag: 'e1' }]);
    expect(cache.agenda('s-1', 'm-1')?.map((s) => s.record.id)).toEqual(['t-1']);
    cache.forget('s-1', 't-1');
    expect(cache.agenda('s-1', 'm-1')).toBeUndefined();
  });

  it('holds at most maxSeries series, dropping the least recently used', () => {
    const cache = new SeriesCache({ maxSeries: 2 });
    for (const seriesId of ['s-a', 's-b']) cache.put({ record: { ...topic(1), seriesId }, etag: 'e' });
    cache.get('s-a', 't-1');
    cache.put({ record: { ...topic(1), seriesId: 's-c' }, etag: 'e' });
    expect(cache.get('s-a', 't-1')).toBeDefined();
    expect(cache.get('s-b', 't-1')).toBeUndefined();
  });
});

describe('query plans answered locally', () => {
  const plan = { 'x-ms-cosmos-is-query-plan-request': 'True' };
  it('for a plain filter sent to one partition', () => {
    expect(answersPlanLocally(plan, { partitionKey: 's-1' }, { query: 'SELECT * FROM c WHERE c.type = @t' })).toBe(
      true,
    );
  });
  it('never for a query across partitions, or one whose results the SDK assembles from the plan', () => {
    expect(answersPlanLocally(plan, {}, { query: 'SELECT * FROM c WHERE c.type = @t' })).toBe(false);
    for (const query of [
      'SELECT TOP 5 * FROM c',
      'SELECT * FROM c ORDER BY c.scheduledStart DESC',
      'SELECT VALUE COUNT(1) FROM c',
      'SELECT DISTINCT c.type FROM c',
    ]) {
      expect(answersPlanLocally(plan, { partitionKey: 's-1' }, { query }), query).toBe(false);
    }
  });
  it('and never for a request that is not a query plan', () => {
    expect(answersPlanLocally({}, { partitionKey: 's-1' }, { query: 'SELECT * FROM c' })).toBe(false);
  });
});
