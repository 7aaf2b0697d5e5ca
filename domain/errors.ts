/**
 * Typed errors thrown by commands and domain rules. Transports map them once:
 * the HTTP error handler to 4xx statuses, the bot error handler to a card
 * message. `message` is written for the person who caused it.
 */
export type DomainErrorCode = 'invalid' | 'unauthenticated' | 'forbidden' | 'not_found' | 'conflict' | 'rate_limited';

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
