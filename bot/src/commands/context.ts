import type { Caller } from '../identity/index.js';
import type { MeetingEnded } from '../../../domain/carryOver.js';
import type { ChangedRecord } from '../../../domain/realtime.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';

/** Sends committed changes to everyone viewing the series (private notes to their author only). */
export interface Publisher {
  publish(seriesId: string, records: readonly ChangedRecord[]): void;
}

/** Side effects after a committed change (e.g. the bot posting the summary card). */
export interface LifecycleListener {
  /** A meeting was held and ended (panel "End 1:1" or Teams' meeting-end event). */
  meetingEnded?(seriesId: string, ended: MeetingEnded): Promise<void> | void;
  /** A meeting was skipped or cancelled; its topics moved on. */
  meetingSkipped?(seriesId: string, skipped: MeetingEnded): Promise<void> | void;
}

export interface CommandContext {
  store: Store;
  /** Run after the change is stored and published; their failures are logged, never undo the change. */
  lifecycle?: LifecycleListener[];
  publisher: Publisher;
  clock: Clock;
  logger: Logger;
}

export type { Caller };
