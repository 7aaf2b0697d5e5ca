import type { TurnContext } from 'botbuilder';
import { helpCard } from '../cards/helpCard.js';
import { myOneOnOnesCard } from '../cards/myOneOnOnesCard.js';
import { homeLink } from '../cards/panelLink.js';
import { listMySeries } from '../commands/panel.js';
import { callerOf, tenantOf } from './activity.js';
import { readerOf, rememberChatLocale } from './chatLocale.js';
import { setUpChat } from './install.js';
import { cardMessage } from './proactive.js';
import { seriesOfChat, type BotRuntime } from './runtime.js';

/**
 * Any message to the bot gets a short answer: what the app does, when the
 * next 1:1 is, and a link to the panel, in the sender's language (which the
 * chat's proactive cards then use too). A chat the bot was added to without
 * our hearing of it (a missed install event) is set up first.
 */
export async function answerMessage(rt: BotRuntime, context: TurnContext): Promise<void> {
  const activity = context.activity;
  if (activity.conversation.conversationType === 'personal') return answerPersonal(rt, context);
  const t = readerOf(activity);
  const tenantId = tenantOf(activity);
  let series = await seriesOfChat(rt, activity.conversation.id, tenantId);
  const binding = series && (await rt.botStore.chatBinding(series.id));
  if (!binding) series = undefined;
  else await rememberChatLocale(rt, binding, activity);
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
      helpCard(
        {
          hasSeries: Boolean(series),
          ...(nextMeeting ? { nextMeeting } : {}),
          ...(panelUrl ? { panelUrl } : {}),
        },
        t,
      ),
    ),
  );
}

/**
 * In personal chat: the sender's 1:1s (from the per-user index) with the
 * next meeting of each, soonest first, and a link to "My 1:1s".
 */
async function answerPersonal(rt: BotRuntime, context: TurnContext): Promise<void> {
  const caller = callerOf(context.activity);
  const { series } = caller ? await listMySeries(rt.ctx(), caller) : { series: [] };
  const records = rt.ctx().store.records;
  const upcoming = await Promise.all(
    series.map(async (s) => {
      const stored = (await records.read(s.id, s.id))?.record;
      const currentId = stored?.type === 'series' ? stored.currentMeetingId : undefined;
      const meeting = currentId ? (await records.read(s.id, currentId))?.record : undefined;
      const open = meeting?.type === 'meeting' && (meeting.status === 'scheduled' || meeting.status === 'live');
      return {
        otherName: s.members.find((m) => m.userId !== caller?.userId)?.name ?? s.title,
        title: s.title,
        live: open && meeting.status === 'live',
        ...(open ? { nextMeeting: meeting.scheduledStart } : {}),
      };
    }),
  );
  upcoming.sort((a, b) => (a.nextMeeting ?? '9999').localeCompare(b.nextMeeting ?? '9999'));
  const homeUrl = homeLink({
    ...(rt.config.TEAMS_APP_ID ? { teamsAppId: rt.config.TEAMS_APP_ID } : {}),
    ...(rt.config.PUBLIC_URL ? { publicUrl: rt.config.PUBLIC_URL } : {}),
  });
  await context.sendActivity(
    cardMessage(myOneOnOnesCard({ upcoming, ...(homeUrl ? { homeUrl } : {}) }, readerOf(context.activity))),
  );
}
