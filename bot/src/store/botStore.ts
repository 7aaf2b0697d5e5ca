import type { Container, ItemDefinition } from '@azure/cosmos';
import { z } from 'zod/v4';
import { RecordId } from '../../../domain/entities.js';
import { cosmosStatus } from './errors.js';

/**
 * The bot's own documents, in the `prompts` container (partitioned by
 * /seriesId like every container):
 *  - one chat binding per series: where to post proactively (the Bot Framework
 *    conversation reference, stored as opaque JSON) and the members' Teams ids;
 *  - one delivery per message that must be posted exactly once (a pre-meeting
 *    prompt, a skipped-meetings nudge, a summary), claimed with an ETag-guarded
 *    write so that of several instances ticking together only one posts it.
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

export const DeliveryKind = z.enum(['prompt', 'nudge', 'summary']);
export type DeliveryKind = z.infer<typeof DeliveryKind>;

export const Delivery = z.object({
  id: z.string().min(1),
  type: z.literal('delivery'),
  seriesId: RecordId,
  kind: DeliveryKind,
  meetingId: RecordId,
  /** `withdrawn`: no longer owed (its meeting was skipped, started or deleted before it was due). */
  state: z.enum(['pending', 'sending', 'sent', 'failed', 'withdrawn']),
  /** When it may be posted (a prompt: its lead time before the meeting); absent means now. */
  dueAt: z.string().optional(),
  attempts: z.number().int().nonnegative(),
  claimedBy: z.string().optional(),
  claimedAt: z.string().optional(),
  sentAt: z.string().optional(),
  /** The chat message id, so a card can be updated later. */
  activityId: z.string().optional(),
  /**
   * A summary: the end of the meeting (its `endedAt`) the posted card shows. A
   * rejoined call ends again later; its card is then owed an update in place.
   */
  shows: z.string().optional(),
  lastError: z.string().optional(),
});
export type Delivery = z.infer<typeof Delivery>;

/** A delivery this instance holds: only it may post the message, and only it may complete the claim. */
export interface Claim {
  delivery: Delivery;
  etag: string;
}

/** A claim older than this is taken to belong to an instance that died mid-send. */
export const CLAIM_LEASE_MS = 10 * 60_000;
/** After this many failed sends a delivery is given up (and logged), not retried forever. */
export const MAX_ATTEMPTS = 5;

/** The one document that says this install was welcomed (see claimWelcome). */
const WELCOME_MARK_ID = 'welcome';

export function deliveryId(kind: DeliveryKind, meetingId: string): string {
  return `${kind}~${meetingId}`;
}

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

  /**
   * Claims the right to post one message. The delivery is created pending if
   * absent (a 409 means another instance created it first), then moved to
   * "sending" by a replace guarded with the ETag just read: when two
   * instances race, Cosmos accepts exactly one replace and answers 412 to the
   * other, which then leaves the message alone.
   */
  async claim(
    key: { seriesId: string; kind: DeliveryKind; meetingId: string },
    instanceId: string,
    now: Date,
  ): Promise<Claim | undefined> {
    const id = deliveryId(key.kind, key.meetingId);
    const fresh: Delivery = { id, type: 'delivery', ...key, state: 'pending', attempts: 0 };
    try {
      await this.container.items.create<ItemDefinition>(fresh);
    } catch (error) {
      if (cosmosStatus(error) !== 409) throw error;
    }
    const found = await this.read(key.seriesId, id);
    if (!found) return undefined;
    const current = Delivery.parse(found.doc);
    if (!claimable(current, now)) return undefined;
    const claimed: Delivery = { ...current, state: 'sending', claimedBy: instanceId, claimedAt: now.toISOString() };
    return this.replaceIfUnchanged(claimed, found.etag);
  }

  /**
   * Writes a pending delivery if there is none (idempotent): written with the
   * change that calls for the message (a meeting close, a prompt's schedule),
   * so the message is owed even if this process dies before posting it.
   */
  async ensurePending(key: { seriesId: string; kind: DeliveryKind; meetingId: string }, dueAt?: Date): Promise<void> {
    const fresh: Delivery = {
      id: deliveryId(key.kind, key.meetingId),
      type: 'delivery',
      ...key,
      state: 'pending',
      attempts: 0,
      ...(dueAt ? { dueAt: dueAt.toISOString() } : {}),
    };
    try {
      await this.container.items.create<ItemDefinition>(fresh);
    } catch (error) {
      if (cosmosStatus(error) !== 409) throw error;
    }
  }

  /**
   * Marks a posted message sent. A write that fails (or whose answer was
   * lost) is tried again by the caller; a 412 means the write did land (or
   * the claim was taken over after its lease): read and see. Answers whether
   * the delivery is now recorded as sent by this claim.
   */
  async complete(claim: Claim, activityId: string | undefined, now: Date): Promise<boolean> {
    const sent: Delivery = {
      ...claim.delivery,
      state: 'sent',
      sentAt: now.toISOString(),
      ...(activityId ? { activityId } : {}),
    };
    if (await this.replaceIfUnchanged(sent, claim.etag)) return true;
    const found = await this.read(claim.delivery.seriesId, claim.delivery.id);
    if (!found) return false;
    const current = Delivery.parse(found.doc);
    if (current.state === 'sent') return true;
    if (current.state === 'sending' && current.claimedBy === claim.delivery.claimedBy) {
      return Boolean(await this.replaceIfUnchanged({ ...sent, ...pick(current) }, found.etag));
    }
    return false;
  }

  /**
   * A sent card whose meeting has changed since (a rejoined call ended again):
   * owed once more, as an update of the same message (its `activityId` stays).
   * Idempotent: a delivery already owed for `shows`, or never sent, is left alone.
   */
  async oweUpdate(key: { seriesId: string; kind: DeliveryKind; meetingId: string }, shows: string): Promise<void> {
    const found = await this.read(key.seriesId, deliveryId(key.kind, key.meetingId));
    if (!found) return;
    const current = Delivery.parse(found.doc);
    if (current.state !== 'sent' || !current.activityId || current.shows === undefined || current.shows === shows)
      return;
    // A 412 means someone else changed it first (the same update owed, or claimed): theirs stands.
    await this.replaceIfUnchanged({ ...current, state: 'pending', attempts: 0, shows }, found.etag);
  }

  /** Gives up a delivery that has nothing to post (its meeting was never held): never retried. */
  async abandon(claim: Claim, reason: string): Promise<void> {
    await this.replaceIfUnchanged({ ...claim.delivery, state: 'failed', lastError: reason.slice(0, 500) }, claim.etag);
  }

  /**
   * Withdraws a pending message that is no longer owed, so it is never posted
   * and no tick reads it again. Only a pending one: a claim in flight belongs
   * to the instance posting it. Answers whether this call withdrew it.
   */
  async withdraw(key: { seriesId: string; kind: DeliveryKind; meetingId: string }, reason: string): Promise<boolean> {
    const found = await this.read(key.seriesId, deliveryId(key.kind, key.meetingId));
    if (!found) return false;
    const current = Delivery.parse(found.doc);
    if (current.state !== 'pending') return false;
    const withdrawn: Delivery = { ...current, state: 'withdrawn', lastError: reason.slice(0, 500) };
    return Boolean(await this.replaceIfUnchanged(withdrawn, found.etag));
  }

  /** Gives the claim back after a failed send, so a later tick (of any instance) retries. */
  async release(claim: Claim, reason: string): Promise<Delivery | undefined> {
    const attempts = claim.delivery.attempts + 1;
    const released: Delivery = {
      ...claim.delivery,
      state: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      attempts,
      lastError: reason.slice(0, 500),
    };
    delete released.claimedBy;
    delete released.claimedAt;
    return (await this.replaceIfUnchanged(released, claim.etag))?.delivery;
  }

  async delivery(seriesId: string, kind: DeliveryKind, meetingId: string): Promise<Delivery | undefined> {
    const found = await this.read(seriesId, deliveryId(kind, meetingId));
    return found ? Delivery.parse(found.doc) : undefined;
  }

  /** Deliveries of one kind waiting for a (re)try: given back after a failed post, or held by an instance that died. */
  async retryable(kind: DeliveryKind, now: Date): Promise<Delivery[]> {
    const { resources } = await this.container.items
      .query<ItemDefinition>({
        query:
          "SELECT * FROM c WHERE c.type = 'delivery' AND c.kind = @kind AND (c.state = 'pending' OR c.state = 'sending')",
        parameters: [{ name: '@kind', value: kind }],
      })
      .fetchAll();
    return resources.map((doc) => Delivery.parse(stripSystem(doc))).filter((d) => claimable(d, now));
  }

  private async replaceIfUnchanged(delivery: Delivery, etag: string): Promise<Claim | undefined> {
    try {
      const { resource } = await this.container
        .item(delivery.id, delivery.seriesId)
        .replace<ItemDefinition>(Delivery.parse(delivery), { accessCondition: { type: 'IfMatch', condition: etag } });
      return { delivery: Delivery.parse(resource), etag: String(resource?._etag) };
    } catch (error) {
      if (cosmosStatus(error) === 412) return undefined;
      throw error;
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

/** The claim fields of the stored delivery, kept when a retried mark rewrites it. */
function pick(current: Delivery): Pick<Delivery, 'claimedAt'> {
  return current.claimedAt ? { claimedAt: current.claimedAt } : {};
}

function claimable(delivery: Delivery, now: Date): boolean {
  if (delivery.state === 'pending') return true;
  if (delivery.state !== 'sending') return false;
  const claimedAt = delivery.claimedAt ? Date.parse(delivery.claimedAt) : 0;
  return now.getTime() - claimedAt > CLAIM_LEASE_MS;
}

/** Cosmos adds `_rid`, `_etag`, `_ts`…; the schemas describe our fields only. */
function stripSystem(doc: ItemDefinition): ItemDefinition {
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')));
}
