import type { Caller } from '../identity/index.js';
import type { Meeting, Series, Topic } from '../../../domain/entities.js';
import type { ChangedRecord } from '../../../domain/realtime.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';

/** Sends committed changes to everyone viewing the series (private notes to their author only). */
export interface Publisher {
  publish(seriesId: string, records: readonly ChangedRecord[]): void;
}

/** A meeting closed (ended, skipped or cancelled) with every effect written. */
export interface MeetingClosed {
  closed: Meeting;
  next: Meeting;
  series: Series;
  /** The carried copies now on the next agenda. */
  carried: Topic[];
}

/** Side effects of a meeting close (e.g. the bot posting the summary card). */
export interface LifecycleListener {
  /**
   * Part of the close itself, before the series moves on: write what must not
   * be lost (the pending summary delivery). Must be idempotent; a failure
   * fails the close, which is then finished by a retry or the reconciler.
   */
  meetingClosing?(seriesId: string, close: { closed: Meeting; next: Meeting }): Promise<void>;
  /** A meeting was held and ended (panel "End 1:1" or Teams' meeting-end event): best effort, after the close. */
  meetingEnded?(seriesId: string, ended: MeetingClosed): Promise<void> | void;
  /** A meeting was skipped or cancelled; its topics moved on. */
  meetingSkipped?(seriesId: string, skipped: MeetingClosed): Promise<void> | void;
}

export interface CommandContext {
  store: Store;
  /** Run after the change is stored and published; their failures are logged, never undo the change. */
  lifecycle?: LifecycleListener[];
  publisher: Publisher;
  clock: Clock;
  logger: Logger;
  /** A start this soon after an end rejoins that call (REJOIN_WINDOW_MINUTES; domain/occurrence.ts). */
  rejoinWindowMs?: number;
}

export type { Caller };
