import type { TurnContext } from 'botbuilder';
import { followChatMembers } from '../commands/membership.js';
import { tenantOf } from './activity.js';
import { botbuilderChat } from './botbuilderChat.js';
import { chatPeople } from './install.js';
import { seriesOfChat, type BotRuntime } from './runtime.js';

/**
 * Someone joined or left the meeting chat (conversationUpdate membersAdded /
 * membersRemoved). The update names only who changed; Teams' roster says who
 * is there now, so replays and missed updates come out the same.
 */
export async function onChatMembersChanged(rt: BotRuntime, context: TurnContext): Promise<void> {
  const series = await seriesOfChat(rt, context.activity.conversation?.id ?? '', tenantOf(context.activity));
  if (!series) return;
  const people = await chatPeople(botbuilderChat(context));
  const updated = await followChatMembers(
    rt.ctx(),
    series.id,
    people.map((p) => p.userId),
  );
  rt.logger.info(
    { seriesId: series.id, left: updated.leftChat?.length ?? 0, paused: Boolean(updated.sharingPaused) },
    'chat members changed',
  );
}
