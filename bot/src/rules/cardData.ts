import { z } from 'zod/v4';
import { RecordId, TopicCategory } from '../../../domain/entities.js';
import { Forbidden } from '../../../domain/errors.js';
import { fnv1a64 } from '../../../domain/ids.js';
import { PROMPT_INPUTS } from '../cards/verbs.js';

/**
 * What the prompt card's buttons send back (Action.Execute data), and the
 * rules read from it. Pure: the Teams adapter (teams/cardActions.ts) parses
 * with these, whatever SDK delivers the invoke.
 */
export const CardData = z.object({
  seriesId: RecordId,
  meetingId: RecordId,
  promptId: z.string().min(1).max(200),
});

export const AddTopicData = CardData.extend({
  // No limit here: an over-long topic is answered with a message, not with "this card is not ours"
  // (the request body itself is bounded by the bot endpoint's body limit).
  [PROMPT_INPUTS.topicText]: z.string().optional(),
  [PROMPT_INPUTS.category]: TopicCategory.optional().catch(undefined),
});

export const CompleteActionItemData = CardData.extend({ actionItemId: RecordId });

/**
 * One card, one person, one text: one topic. The id is derived from them, so
 * pressing the button twice (or Teams retrying the invoke) answers the topic
 * already added instead of adding it again. The "~" keeps it out of the
 * ids a client may choose.
 */
export function topicIdFromCard(promptId: string, userId: string, text: string): string {
  const normalized = text.trim().replace(/\s+/g, ' ').toLowerCase();
  return `card~${fnv1a64(`${promptId}\n${userId}\n${normalized}`)}`;
}

/** Card data that is not ours (or out of date) is refused as such, never half-read. */
export function parseCardData<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new Forbidden('This card is not one of ours or is out of date. Ask the bot for a new one.');
  return parsed.data;
}
