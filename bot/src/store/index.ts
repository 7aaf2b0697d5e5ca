import { PrivateNote, type SharedRecord } from '../../../domain/entities.js';
import type { CosmosConnection } from './cosmos.js';
import { RecordRepository, sharedRecordRepository } from './recordStore.js';

/** The repositories the commands use; one per container. */
export interface Store {
  records: RecordRepository<SharedRecord>;
  privateNotes: RecordRepository<PrivateNote>;
}

export function createStore(cosmos: CosmosConnection): Store {
  return {
    records: sharedRecordRepository(cosmos.containers.records),
    privateNotes: new RecordRepository(cosmos.containers.privateNotes, PrivateNote),
  };
}
