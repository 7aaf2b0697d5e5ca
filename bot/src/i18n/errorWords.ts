import { errorText, type DomainError } from '../../../domain/errors.js';
import type { Translator } from './translator.js';

/**
 * A typed error as the reader should read it. English readers get the
 * error's own message, written where it was thrown (often naming the exact
 * field or value); other languages get its catalog words, or its code's
 * general message when the thrower gave none. The code never changes.
 */
export function errorMessage(t: Translator, error: DomainError): string {
  if (t.locale.messages === 'en') return error.message;
  return t.t(errorText(error));
}
