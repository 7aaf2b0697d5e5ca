import { TurnContext } from 'botbuilder';
import type { Member } from '../../../domain/entities.js';
import { DomainError } from '../../../domain/errors.js';
import { seriesIdForChat } from '../../../domain/series.js';
import { noticeCard } from '../cards/noticeCard.js';
import { welcomeCard } from '../cards/welcomeCard.js';
import { DEFAULT_CADENCE, ensureSeriesForChat } from '../commands/series.js';
import type { ChatBinding, ChatMember } from '../store/botStore.js';
import { cadenceFromMeeting } from '../rules/cadenceFromMeeting.js';
import type { ChatPerson, MeetingInfo, TeamsChat } from '../chat/teamsChat.js';
import { errorMessage } from '../i18n/errorWords.js';
import { localeOf, meetingIdOf, tenantOf } from './activity.js';
import { botbuilderChat } from './botbuilderChat.js';
import { readerOf } from './chatLocale.js';
import type { BotRuntime } from './runtime.js';

/**
 * The app was added to a meeting chat (installationUpdate "add", or a
 * conversationUpdate that adds the bot): find or start the chat's 1:1 with
 * the chat's two people (from Teams, never from a client), learn the
 * meeting's time as the default cadence, remember where to post, and welcome
 * them once per install, in the words of the person who added the app (its
 * locale is remembered for the proactive cards). Safe to run again: every
 * step is idempotent.
 */
export async function setUpChat(rt: BotRuntime, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const chat = botbuilderChat(context);
  const t = readerOf(activity);
  const tenantId = tenantOf(activity);
  if (activity.conversation?.conversationType !== 'groupChat' || !tenantId) {
    await chat.sendCard(noticeCard(t.t('bot.install.notGroup')));
    return;
  }
  const people = await chatPeople(chat);
  if (people.length !== 2) {
    await chat.sendCard(noticeCard(t.t('bot.install.notTwo', { count: people.length })));
    return;
  }
  const meetingId = meetingIdOf(activity);
  const meeting = meetingId ? await meetingDetails(rt, chat, meetingId) : undefined;
  const managerId = meeting?.organizerId ?? activity.from?.aadObjectId;
  const manager = people.find((p) => p.userId === managerId) ?? people[0]!;
  const members: Member[] = people.map((p) => ({
    userId: p.userId,
    name: displayName(p),
    role: p === manager ? 'manager' : 'report',
  }));
  const { cadence, firstStart } = cadenceFromMeeting(
    {
      ...(meeting?.scheduledStart ? { scheduledStart: meeting.scheduledStart } : {}),
      ...(meeting?.scheduledEnd ? { scheduledEnd: meeting.scheduledEnd } : {}),
      ...(activity.localTimezone ? { timeZone: activity.localTimezone } : {}),
    },
    DEFAULT_CADENCE,
    rt.clock.now(),
  );

  try {
    const series = await ensureSeriesForChat(rt.ctx(), {
      tenantId,
      chatId: activity.conversation.id,
      title: meeting?.title ?? '',
      members,
      cadence,
      ...(firstStart ? { firstStart } : {}),
    });
    const locale = localeOf(activity);
    const binding: ChatBinding = {
      id: 'chat',
      type: 'chatBinding',
      seriesId: series.id,
      conversationReference: JSON.parse(
        JSON.stringify(TurnContext.getConversationReference(activity)),
      ) as ChatBinding['conversationReference'],
      members: people.map((p): ChatMember => ({ userId: p.userId, mri: p.mri, name: displayName(p) })),
      updatedAt: rt.clock.now().toISOString(),
      ...(locale ? { locale } : {}),
    };
    await rt.botStore.saveChatBinding(binding);
    // Welcome once per install, whichever of Teams' install events gets here first.
    if (!(await rt.botStore.claimWelcome(series.id, rt.clock.now()))) return;
    const current = (await rt.ctx().store.records.read(series.id, series.currentMeetingId))?.record;
    try {
      await chat.sendCard(
        welcomeCard(
          {
            members: series.members.map((m) => ({ name: m.name, role: m.role })),
            ...(current?.type === 'meeting' && current.status === 'scheduled'
              ? { nextMeeting: current.scheduledStart }
              : {}),
            leadHours: rt.config.PROMPT_LEAD_HOURS,
            ...withPanel(rt.panelUrl(series.chatId)),
          },
          t,
        ),
      );
    } catch (error) {
      // Not posted: give the welcome back so Teams' retry (or the other install event) posts it.
      await rt.botStore.forgetWelcome(series.id);
      throw error;
    }
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await chat.sendCard(noticeCard(errorMessage(t, error), 'error'));
  }
}

/** The app was removed from the chat: a later install is a new install and is welcomed again. */
export async function forgetInstall(rt: BotRuntime, context: TurnContext): Promise<void> {
  const chatId = context.activity.conversation?.id;
  if (chatId) await rt.botStore.forgetWelcome(seriesIdForChat(chatId));
}

function withPanel(panelUrl: string | undefined): { panelUrl?: string } {
  return panelUrl ? { panelUrl } : {};
}

function displayName(member: ChatPerson): string {
  const name = member.name.trim();
  return (name === '' ? 'Teams user' : name).slice(0, 200);
}

/** The people in the chat (Entra users; bots, whose ids start with "28:", excluded), from Teams' roster. */
export async function chatPeople(chat: TeamsChat): Promise<Array<ChatPerson & { userId: string }>> {
  return (await chat.members()).filter(
    (m): m is ChatPerson & { userId: string } => !!m.userId && !m.mri.startsWith('28:'),
  );
}

/** Teams' details of the meeting behind the chat; absent when Teams will not say. */
async function meetingDetails(rt: BotRuntime, chat: TeamsChat, meetingId: string): Promise<MeetingInfo | undefined> {
  try {
    return await chat.meetingInfo(meetingId);
  } catch (error) {
    rt.logger.info(
      { err: error instanceof Error ? error.message : 'unknown' },
      'meeting details unavailable; using the default cadence',
    );
    return undefined;
  }
}
