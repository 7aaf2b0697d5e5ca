import type { CompiledMessage, CompiledMessageToken } from '@lingui/message-utils/compileMessage';

/**
 * Pseudo-localization of compiled messages: every letter accented and every
 * message wrapped in ⟦ ⟧, placeholders untouched. Text on screen that is not
 * wrapped did not come from a catalog; text cut at the edge shows as a
 * missing ⟧. Works on compiled messages so the tab needs no ICU parser.
 */

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, i) => [
    letter,
    [...'áƀçđéƒĝĥíĵķĺɱñóƥǫŕšŧúṽŵẋýžÁƁÇĐÉƑĜĤÍĴĶĹṀÑÓƤǪŔŠŦÚṼŴẊÝŽ'][i] ?? letter,
  ]),
);

export const PSEUDO_OPEN = '⟦';
export const PSEUDO_CLOSE = '⟧';

export function pseudoText(text: string): string {
  return [...text].map((ch) => ACCENTED[ch] ?? ch).join('');
}

type Choices = Record<string, CompiledMessage | number | undefined>;

function pseudoToken(token: CompiledMessageToken): CompiledMessageToken {
  if (typeof token === 'string') return token === '#' ? token : pseudoText(token);
  const [name, type, format] = token;
  if ((type === 'plural' || type === 'select' || type === 'selectordinal') && format && typeof format === 'object') {
    const choices = Object.fromEntries(
      Object.entries(format as Choices).map(([choice, message]) => [
        choice,
        Array.isArray(message) ? message.map(pseudoToken) : message,
      ]),
    );
    return [name, type, choices];
  }
  return token;
}

export function pseudoMessage(message: CompiledMessage | string): CompiledMessage {
  const tokens = typeof message === 'string' ? [message] : message;
  return [PSEUDO_OPEN, ...tokens.map(pseudoToken), PSEUDO_CLOSE];
}

export function pseudoCatalog(
  messages: Readonly<Record<string, CompiledMessage | string>>,
): Record<string, CompiledMessage> {
  return Object.fromEntries(Object.entries(messages).map(([key, message]) => [key, pseudoMessage(message)]));
}
