import type { ActionItem, Topic } from './entities.js';

/**
 * Typed errors thrown by commands and domain rules. Transports map them once:
 * the HTTP error handler to 4xx statuses, the bot error handler to a card
 * message. `message` is written for the person who caused it.
 */
export type DomainErrorCode =
  | 'invalid'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'edit_conflict'
  | 'rate_limited'
  | 'meeting_not_live'
  | 'meeting_ended';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class Invalid extends DomainError {
  constructor(message: string, details?: readonly string[]) {
    super('invalid', message, details);
  }
}
export class Unauthenticated extends DomainError {
  constructor(message = 'Sign-in is required.') {
    super('unauthenticated', message);
  }
}
export class Forbidden extends DomainError {
  constructor(message = 'You are not a member of this 1:1.') {
    super('forbidden', message);
  }
}
export class NotFound extends DomainError {
  constructor(message: string) {
    super('not_found', message);
  }
}
export class Conflict extends DomainError {
  constructor(message: string) {
    super('conflict', message);
  }
}
export class RateLimited extends DomainError {
  constructor(message = 'Too many requests: wait a minute and try again.') {
    super('rate_limited', message);
  }
}

/**
 * An edit based on an old version changes a field someone else changed since
 * (see editConflicts.ts). Carries the record as it is now, so the editor can
 * compare and choose; nothing was written.
 */
export class EditConflict extends DomainError {
  constructor(
    message: string,
    readonly current: Topic | ActionItem,
    readonly fields: readonly string[],
  ) {
    super('edit_conflict', message);
    this.name = 'EditConflict';
  }
}

/** End (or another live-only step) asked of a meeting that has not started: nothing changes. */
export class MeetingNotLive extends DomainError {
  constructor(message: string) {
    super('meeting_not_live', message);
  }
}

/** A change to a meeting that has closed (its agenda continues in the next meeting). */
export class MeetingEnded extends DomainError {
  constructor(message: string) {
    super('meeting_ended', message);
  }
}
