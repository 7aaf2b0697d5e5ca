import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import type { ChatBinding } from '../store/botStore.js';

/**
 * Posting into a series' meeting chat without an incoming message. The
 * effects processor depends on this interface only; the Bot Framework
 * implementation lives in teams/proactive.ts.
 */
export interface ChatPoster {
  /** Posts a card; answers the new message's id. */
  post(binding: ChatBinding, card: AdaptiveCard): Promise<string | undefined>;
  /** Replaces a card posted before (its message id from `post`) with a new one, in place. */
  update(binding: ChatBinding, activityId: string, card: AdaptiveCard): Promise<void>;
}
