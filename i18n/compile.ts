import type { CompiledMessage } from '@lingui/message-utils/compileMessage';
import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';

/**
 * ICU source → Lingui's compiled form. The tab's catalogs are compiled at
 * build time (see vitePlugin.ts) so the browser carries no ICU parser; the
 * service compiles at start. Already-compiled entries pass through, so a
 * catalog compiled by the build can be handed in again.
 */
export function compileCatalog(
  raw: Readonly<Record<string, unknown>>,
  file = 'catalog',
): Record<string, CompiledMessage> {
  return Object.fromEntries(
    Object.entries(raw).map(([key, message]) => {
      if (Array.isArray(message)) return [key, message as CompiledMessage];
      if (typeof message !== 'string') throw new Error(`${file}: "${key}" is not a message`);
      try {
        return [key, compileMessageOrThrow(message)];
      } catch (error) {
        throw new Error(`${file}: "${key}" is not valid ICU MessageFormat: ${(error as Error).message}`);
      }
    }),
  );
}
