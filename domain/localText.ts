import { z } from 'zod/v4';
import type { MessageKey } from '../i18n/keys.js';
import type { LocalText } from '../i18n/localText.js';

export type { LocalText } from '../i18n/localText.js';
export { localText } from '../i18n/localText.js';

/**
 * A LocalText as it travels in API answers (My 1:1s). Only domain keys: the
 * domain decides which sentence, the reader's side words it; a key the
 * catalog lacks would show the raw key, so the tab's translator falls back.
 */
export const LocalTextSchema: z.ZodType<LocalText> = z.object({
  key: z.custom<MessageKey>((value) => typeof value === 'string' && /^domain\.[\w.-]+$/.test(value), {
    message: 'Expected a domain message key',
  }),
  values: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
