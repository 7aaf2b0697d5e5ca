import type { Caller } from '../identity/index.js';
import type { Effect } from '../../../domain/effects.js';
import type { Meeting, Series, Topic } from '../../../domain/entities.js';
import type { ChangedRecord } from '../../../domain/realtime.js';
import type { Clock } from '../clock.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/index.js';

/** Sends committed changes to everyone viewing the series (private notes to their author only). */
export interface Publisher {
  publish(seriesId: string, records: readonly ChangedRecord[]): void;
}

/** A meeting closed (ended, skipped or cancelled): what its one atomic commit wrote. */
export interface MeetingClosed {
  closed: Meeting;
  next: Meeting;
  series: Series;
  /** The carried copies now on the next agenda. */
  carried: Topic[];
}

/** Runs effects right after their commit (effects/processor.ts); the processor's tick runs what is left. */
export interface EffectRunner {
  runNow(effects: readonly Effect[]): Promise<void>;
}

export interface CommandContext {
  store: Store;
  /**
   * Runs the effects a commit wrote (cards, index updates) at once; unset
   * (tests of commands alone), they wait for the effects processor. A
   * failure never undoes the commit: the effect stays due.
   */
  effects?: EffectRunner;
  /** How long before a meeting its prompt is due (PROMPT_LEAD_HOURS); default 24 h. */
  promptLeadMs?: number;
  publisher: Publisher;
  clock: Clock;
  logger: Logger;
  /** A start this soon after an end rejoins that call (REJOIN_WINDOW_MINUTES; domain/occurrence.ts). */
  rejoinWindowMs?: number;
}

export type { Caller };
