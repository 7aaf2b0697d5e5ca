import { TeamsInfo, TurnContext, type TeamsChannelAccount } from 'botbuilder';
import type { Member } from '../../../domain/entities.js';
import { DomainError } from '../../../domain/errors.js';
import { noticeCard } from '../cards/noticeCard.js';
import { welcomeCard } from '../cards/welcomeCard.js';
import { DEFAULT_CADENCE, ensureSeriesForChat } from '../commands/series.js';
import type { ChatBinding, ChatMember } from '../scheduler/botStore.js';
import { cadenceFromMeeting } from '../scheduler/cadenceFromMeeting.js';
import { meetingIdOf, tenantOf } from './activity.js';
import { cardMessage } from './proactive.js';
import type { BotRuntime } from './runtime.js';

/**
 * The app was added to a meeting chat (installationUpdate "add", or a
 * conversationUpdate that adds the bot): find or start the chat's 1:1 with
 * the chat's two people (from Teams, never from a client), learn the
 * meeting's time as the default cadence, remember where to post, and welcome
 * them once. Safe to run again: every step is idempotent.
 */
export async function setUpChat(rt: BotRuntime, context: TurnContext): Promise<void> {
  const activity = context.activity;
  const tenantId = tenantOf(activity);
  if (activity.conversation?.conversationType !== 'groupChat' || !tenantId) {
    await context.sendActivity(
      cardMessage(noticeCard('Add 1:1 Companion to the chat of a meeting between two people.')),
    );
    return;
  }
  const people = await chatPeople(context);
  if (people.length !== 2) {
    await context.sendActivity(
      cardMessage(
        noticeCard(`1:1 Companion works in meeting chats of exactly two people; this chat has ${people.length}.`),
      ),
    );
    return;
  }
  const meeting = await meetingDetails(rt, context);
  const managerId = meeting?.organizerId ?? activity.from?.aadObjectId;
  const manager = people.find((p) => p.aadObjectId === managerId) ?? people[0]!;
  const members: Member[] = people.map((p) => ({
    userId: p.aadObjectId!,
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
    const binding: ChatBinding = {
      id: 'chat',
      type: 'chatBinding',
      seriesId: series.id,
      conversationReference: JSON.parse(
        JSON.stringify(TurnContext.getConversationReference(activity)),
      ) as ChatBinding['conversationReference'],
      members: people.map((p): ChatMember => ({ userId: p.aadObjectId!, mri: p.id, name: displayName(p) })),
      updatedAt: rt.clock.now().toISOString(),
    };
    const { created } = await rt.botStore.saveChatBinding(binding);
    if (!created) return;
    const current = (await rt.ctx().store.records.read(series.id, series.currentMeetingId))?.record;
    await context.sendActivity(
      cardMessage(
        welcomeCard({
          members: series.members.map((m) => ({ name: m.name, role: m.role })),
          ...(current?.type === 'meeting' && current.status === 'scheduled'
            ? { nextMeeting: current.scheduledStart }
            : {}),
          leadHours: rt.config.PROMPT_LEAD_HOURS,
          ...withPanel(rt.panelUrl(series.chatId)),
        }),
      ),
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    await context.sendActivity(cardMessage(noticeCard(error.message, 'error')));
  }
}

function withPanel(panelUrl: string | undefined): { panelUrl?: string } {
  return panelUrl ? { panelUrl } : {};
}

function displayName(member: TeamsChannelAccount): string {
  const name = (member.name ?? member.givenName ?? '').trim();
  return (name === '' ? 'Teams user' : name).slice(0, 200);
}

/** The people in the chat (Entra users; bots, whose ids start with "28:", excluded), from Teams' roster. */
export async function chatPeople(context: TurnContext): Promise<TeamsChannelAccount[]> {
  return (await chatMembers(context)).filter((m) => m.aadObjectId && !m.id.startsWith('28:'));
}

async function chatMembers(context: TurnContext): Promise<TeamsChannelAccount[]> {
  const members: TeamsChannelAccount[] = [];
  let continuationToken: string | undefined;
  // A meeting chat of two people is one page; the loop guards against a chat that grew.
  for (let page = 0; page < 10; page++) {
    const result = await TeamsInfo.getPagedMembers(context, 100, continuationToken);
    members.push(...result.members);
    continuationToken = result.continuationToken;
    if (!continuationToken) break;
  }
  return members;
}

interface MeetingDetails {
  title?: string;
  scheduledStart?: string;
  scheduledEnd?: string;
  organizerId?: string;
}

/** Teams' details of the meeting behind the chat; absent outside a meeting or when Teams will not say. */
async function meetingDetails(rt: BotRuntime, context: TurnContext): Promise<MeetingDetails | undefined> {
  const meetingId = meetingIdOf(context.activity);
  if (!meetingId) return undefined;
  try {
    const info = await TeamsInfo.getMeetingInfo(context, meetingId);
    const details: MeetingDetails = {};
    if (info.details?.title) details.title = info.details.title;
    if (info.details?.scheduledStartTime)
      details.scheduledStart = new Date(info.details.scheduledStartTime).toISOString();
    if (info.details?.scheduledEndTime) details.scheduledEnd = new Date(info.details.scheduledEndTime).toISOString();
    if (info.organizer?.aadObjectId) details.organizerId = info.organizer.aadObjectId;
    return details;
  } catch (error) {
    rt.logger.info(
      { err: error instanceof Error ? error.message : 'unknown' },
      'meeting details unavailable; using the default cadence',
    );
    return undefined;
  }
}
