import type { Caller } from '../identity/index.js';
import type { ChangedRecord } from '../../../domain/realtime.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';


/** Sends committed changes to everyone viewing the series (private notes to their author only). */
export interface Publisher {
  publish(seriesId: string, records: readonly ChangedRecord[]): void;
}

export interface CommandContext {
  store: Store;
  publisher: Publisher;
  clock: Clock;
  logger: Logger;
}

export type { Caller };
