import { PrivateNote, type SharedRecord } from '../../../domain/entities.js';
import type { CosmosConnection } from './cosmos.js';
import { RecordRepository, sharedRecordRepository } from './recordStore.js';
import { UserSeriesIndex } from './userSeriesIndex.js';

/** The repositories the commands use; one per container. */
export interface Store {
  records: RecordRepository<SharedRecord>;
  privateNotes: RecordRepository<PrivateNote>;
  /** Per-user index of 1:1s (partitioned by user id). */
  userSeries: UserSeriesIndex;
}

export function createStore(cosmos: CosmosConnection): Store {
  return {
    records: sharedRecordRepository(cosmos.containers.records),
    privateNotes: new RecordRepository(cosmos.containers.privateNotes, PrivateNote),
    userSeries: new UserSeriesIndex(cosmos.containers.userSeries),
  };
}
