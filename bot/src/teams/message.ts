import type { TurnContext } from 'botbuilder';
import { helpCard } from '../cards/helpCard.js';
import { tenantOf } from './activity.js';
import { setUpChat } from './install.js';
import { cardMessage } from './proactive.js';
import { seriesOfChat, type BotRuntime } from './runtime.js';

/**
 * Any message to the bot gets a short answer: what the app does, when the
 * next 1:1 is, and a link to the panel. A chat the bot was added to without
 * our hearing of it (a missed install event) is set up first.
 */
export async function answerMessage(rt: BotRuntime, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const tenantId = tenantOf(activity);
  let series = await seriesOfChat(rt, activity.conversation.id, tenantId);
  if (series && !(await rt.botStore.chatBinding(series.id))) series = undefined;
  if (!series && activity.conversation.conversationType === 'groupChat') {
    await setUpChat(rt, context);
    series = await seriesOfChat(rt, activity.conversation.id, tenantId);
  }
  const current = series && (await rt.ctx().store.records.read(series.id, series.currentMeetingId))?.record;
  const nextMeeting =
    current?.type === 'meeting' && current.status === 'scheduled' ? current.scheduledStart : undefined;
  const panelUrl = series && rt.panelUrl(series.chatId);
  await context.sendActivity(
    cardMessage(
      helpCard({
        hasSeries: Boolean(series),
        ...(nextMeeting ? { nextMeeting } : {}),
        ...(panelUrl ? { panelUrl } : {}),
      }),
    ),
  );
}
