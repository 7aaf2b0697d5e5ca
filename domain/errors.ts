import type { ActionItem, Topic } from './entities.js';
import { localText, type LocalText } from './localText.js';

/**
 * Typed errors thrown by commands and domain rules. Transports map them once:
 * the HTTP error handler to 4xx statuses, the bot error handler to a card
 * message. `message` is written for the person who caused it, in English;
 * `text`, when set, is the same in the reader's words (catalog `domain.error.*`).
 * Without it a reader of another language gets the code's general message
 * (`errorText`), so every code has one.
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
  | 'meeting_ended'
  | 'early_start';

export class DomainError extends Error {
  /** The message in the reader's words; set with `worded`. */
  text?: LocalText;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details?: readonly string[],
  ) {
    super(message);
    this.name = 'DomainError';
  }

  /** `throw new NotFound('That topic …').worded(localText('domain.error.…'))`. */
  worded(text: LocalText): this {
    this.text = text;
    return this;
  }
}

/** What a reader of any language is told: the error's own words, or its code's general message. */
export function errorText(error: DomainError): LocalText {
  return error.text ?? localText(`domain.error.code.${error.code}` as LocalText['key']);
}

export class Invalid extends DomainError {
  constructor(message: string, details?: readonly string[]) {
    super('invalid', message, details);
  }
}
export class Unauthenticated extends DomainError {
  /** Without a message: the usual one, in every reader's words. */
  constructor(message?: string) {
    super('unauthenticated', message ?? 'Sign-in is required.');
    if (message === undefined) this.worded(localText('domain.error.signIn'));
  }
}
export class Forbidden extends DomainError {
  /** Without a message: the usual one, in every reader's words. */
  constructor(message?: string) {
    super('forbidden', message ?? 'You are not a member of this 1:1.');
    if (message === undefined) this.worded(localText('domain.error.notMember'));
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
  /** Without a message: the usual one, in every reader's words. */
  constructor(message?: string) {
    super('rate_limited', message ?? 'Too many requests: wait a minute and try again.');
    if (message === undefined) this.worded(localText('domain.error.tooMany'));
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

/**
 * A start more than a day before the meeting's slot, not confirmed: starting
 * would use up that slot (domain/occurrence.ts). Sent again with
 * `{ "early": true }`, it starts.
 */
export class EarlyStart extends DomainError {
  constructor(message: string) {
    super('early_start', message);
  }
}
