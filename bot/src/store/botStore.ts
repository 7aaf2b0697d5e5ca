import type { Container, ItemDefinition } from '@azure/cosmos';
import { z } from 'zod/v4';
import { RecordId } from '../../../domain/entities.js';
import { cosmosStatus } from './errors.js';

/**
 * The bot's own documents, in the `prompts` container (partitioned by
 * /seriesId like every container): one chat binding per series — where to
 * post proactively (the Bot Framework conversation reference, stored as
 * opaque JSON) and the members' Teams ids — and the mark of the one welcome.
 * What the bot must post once (prompts, nudges, summaries) is no document
 * here: it is an effect committed with the change that calls for it and run
 * by the effects processor (effects/processor.ts).
 */

export const ChatMember = z.object({
  /** Entra object id: what series members are keyed by. */
  userId: z.string().min(1),
  /** Teams user id ("29:…"): what card refresh lists and mentions use. */
  mri: z.string().min(1),
  name: z.string(),
});
export type ChatMember = z.infer<typeof ChatMember>;

export const ConversationReferenceJson = z.looseObject({
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
});
export type ConversationReferenceJson = z.infer<typeof ConversationReferenceJson>;

export const ChatBinding = z.object({
  id: z.literal('chat'),
  type: z.literal('chatBinding'),
  seriesId: RecordId,
  conversationReference: ConversationReferenceJson,
  members: z.array(ChatMember),
  updatedAt: z.string(),
  /**
   * The locale (BCP 47, from Teams' `activity.locale`) of the last person who
   * wrote to the bot or pressed a card button in this chat: proactive cards
   * (prompt, nudge, summary) have no activity of their own to answer in.
   */
  locale: z.string().max(35).optional(),
});
export type ChatBinding = z.infer<typeof ChatBinding>;

/** The one document that says this install was welcomed (see claimWelcome). */
const WELCOME_MARK_ID = 'welcome';

export class BotStore {
  constructor(private readonly container: Container) {}

  async chatBinding(seriesId: string): Promise<ChatBinding | undefined> {
    const found = await this.read(seriesId, 'chat');
    return found ? ChatBinding.parse(found.doc) : undefined;
  }

  /** Saves where to post for a series; answers whether this was the first binding (the app was just installed). */
  async saveChatBinding(binding: ChatBinding): Promise<{ created: boolean }> {
    const doc = ChatBinding.parse(binding);
    try {
      await this.container.items.create<ItemDefinition>(doc);
      return { created: true };
    } catch (error) {
      if (cosmosStatus(error) !== 409) throw error;
    }
    await this.container.items.upsert<ItemDefinition>(doc);
    return { created: false };
  }

  /**
   * Remembers the chat's language for proactive cards. Callers compare with
   * the binding they already read, so the steady state costs no request; a
   * concurrent change of the binding wins (ETag) and the next activity retries.
   */
  async rememberLocale(seriesId: string, locale: string): Promise<void> {
    const found = await this.read(seriesId, 'chat');
    if (!found) return;
    const binding = ChatBinding.parse(found.doc);
    if (binding.locale === locale) return;
    try {
      await this.container.item('chat', seriesId).replace<ItemDefinition>(ChatBinding.parse({ ...binding, locale }), {
        accessCondition: { type: 'IfMatch', condition: found.etag },
      });
    } catch (error) {
      const status = cosmosStatus(error);
      if (status !== 412 && status !== 404) throw error;
    }
  }

  /**
   * Claims the one welcome of this install. Teams announces an install with
   * an installationUpdate and a conversationUpdate adding the bot, in either
   * order, at once or replayed; whichever arrives first creates the mark
   * (Cosmos creates a given id once) and only it posts the welcome.
   */
  async claimWelcome(seriesId: string, now: Date): Promise<boolean> {
    try {
      await this.container.items.create<ItemDefinition>({
        id: WELCOME_MARK_ID,
        type: 'welcomeMark',
        seriesId,
        claimedAt: now.toISOString(),
      });
      return true;
    } catch (error) {
      if (cosmosStatus(error) === 409) return false;
      throw error;
    }
  }

  /**
   * Drops the welcome mark: after a failed post (the next install event
   * retries it) or when the app is removed (the next install welcomes again).
   */
  async forgetWelcome(seriesId: string): Promise<void> {
    try {
      await this.container.item(WELCOME_MARK_ID, seriesId).delete();
    } catch (error) {
      if (cosmosStatus(error) !== 404) throw error;
    }
  }

  private async read(seriesId: string, id: string): Promise<{ doc: ItemDefinition; etag: string } | undefined> {
    try {
      const { resource } = await this.container.item(id, seriesId).read<ItemDefinition>();
      return resource ? { doc: stripSystem(resource), etag: String(resource._etag) } : undefined;
    } catch (error) {
      if (cosmosStatus(error) === 404) return undefined;
      throw error;
    }
  }
}

/** Cosmos adds `_rid`, `_etag`, `_ts`…; the schemas describe our fields only. */
function stripSystem(doc: ItemDefinition): ItemDefinition {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
}
