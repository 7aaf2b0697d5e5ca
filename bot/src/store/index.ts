import { PrivateNote, type SharedRecord } from '../../../domain/entities.js';
import type { CosmosConnection } from './cosmos.js';
import { EffectStore } from './effectStore.js';
import { HybridClock } from './hybridClock.js';
import { RecordRepository, sharedRecordRepository } from './recordStore.js';
import { SeriesCache } from './seriesCache.js';
import { UserSeriesIndex } from './userSeriesIndex.js';

/** The repositories the commands use; one per container. */
export interface Store {
  records: RecordRepository<SharedRecord>;
  privateNotes: RecordRepository<PrivateNote>;
  /** This instance's series clock, which every write stamps. */
  clock: HybridClock;
  /** Per-user index of 1:1s (partitioned by user id). */
  userSeries: UserSeriesIndex;
  /** This instance's copy of the series it serves, kept exact by their change events (seriesCache.ts). */
  cache: SeriesCache;
  /** Effect documents and their due-time index (effectStore.ts). */
  effects: EffectStore;
}

export function createStore(cosmos: CosmosConnection, clock = new HybridClock(), cache = new SeriesCache()): Store {
  return {
    cache,
    records: sharedRecordRepository(cosmos.containers.records, clock, cache),
    privateNotes: new RecordRepository(cosmos.containers.privateNotes, PrivateNote, clock),
    clock,
    userSeries: new UserSeriesIndex(cosmos.containers.userSeries),
    effects: new EffectStore(cosmos.containers.records, cosmos.containers.dueEffects),
  };
}
