import type { AdaptiveCard } from '../cards/adaptiveCard.js';

/**
 * The Teams port: the few Teams calls the bot's handlers make while
 * answering an activity in a chat. Handlers depend on this interface only;
 * today's adapter is botbuilder (teams/botbuilderChat.ts), so moving to the
 * Teams SDK (@microsoft/teams.apps) replaces the adapter, not the handlers.
 */
export interface ChatPerson {
  /** Teams user id ("29:…"), or "28:…" for a bot. */
  mri: string;
  /** Entra object id; absent for bots and some guests. */
  userId?: string;
  name: string;
}

/** Teams' details of the meeting behind a chat (all optional: Teams does not always say). */
export interface MeetingInfo {
  title?: string;
  scheduledStart?: string;
  scheduledEnd?: string;
  organizerId?: string;
}

export interface TeamsChat {
  /** Everyone in the chat, people and bots, from Teams (never from a client). */
  members(): Promise<ChatPerson[]>;
  /** The meeting's details; rejects when Teams will not say. */
  meetingInfo(meetingId: string): Promise<MeetingInfo>;
  /** Posts a card into the chat; answers the new message's id. */
  sendCard(card: AdaptiveCard): Promise<string | undefined>;
  /** Replaces the card of an earlier message, for everyone in the chat. */
  updateCard(activityId: string, card: AdaptiveCard): Promise<void>;
}
