import type { Activity } from 'botbuilder';
import { localeTag, resolveLocale } from '../../../i18n/locales.js';
import { translatorFor, type Translator } from '../i18n/translator.js';
import type { ChatBinding } from '../store/botStore.js';
import { localeOf } from './activity.js';
import type { BotRuntime } from './runtime.js';

/** The words of the person an activity came from: replies use their `activity.locale`. */
export function readerOf(activity: Partial<Activity>): Translator {
  return translatorFor(localeOf(activity));
}

/**
 * Proactive cards (prompt, nudge, summary) answer no activity, so they use
 * the language of the last person who wrote to the bot or pressed a card
 * button in the chat, kept on the chat binding. Compared with the binding
 * the handler already read: a write only when the language changed.
 */
export async function rememberChatLocale(
  rt: BotRuntime,
  binding: ChatBinding | undefined,
  activity: Partial<Activity>,
): Promise<void> {
  const requested = localeOf(activity);
  // Kept as negotiated, so the binding holds one of a few known tags, not whatever the client sent.
  const locale = requested === undefined ? undefined : localeTag(resolveLocale(requested));
  if (!binding || !locale || binding.locale === locale) return;
  try {
    await rt.botStore.rememberLocale(binding.seriesId, locale);
  } catch (error) {
    // A hint for later cards, never a reason to fail the answer itself.
    rt.logger.warn({ err: error instanceof Error ? error.message : 'unknown' }, 'chat locale not remembered');
  }
}
