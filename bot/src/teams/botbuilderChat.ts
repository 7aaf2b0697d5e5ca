import { ActivityTypes, CardFactory, TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import type { ChatPerson, MeetingInfo, TeamsChat } from '../chat/teamsChat.js';
import { cardMessage } from './proactive.js';

/** A chat of two is one page; this bounds a chat that grew. */
const MAX_MEMBER_PAGES = 10;

/** The Teams port (chat/teamsChat.ts) over botbuilder, for the activity being answered. */
export function botbuilderChat(context: TurnContext): TeamsChat {
  return {
    async members() {
      const members: TeamsChannelAccount[] = [];
      let continuationToken: string | undefined;
      for (let page = 0; page < MAX_MEMBER_PAGES; page++) {
        const result = await TeamsInfo.getPagedMembers(context, 100, continuationToken);
        members.push(...result.members);
        continuationToken = result.continuationToken;
        if (!continuationToken) break;
      }
      return members.map((m): ChatPerson => ({
        mri: m.id,
        ...(m.aadObjectId ? { userId: m.aadObjectId } : {}),
        name: m.name ?? m.givenName ?? '',
      }));
    },
    async meetingInfo(meetingId) {
      const info = await TeamsInfo.getMeetingInfo(context, meetingId);
      const details: MeetingInfo = {};
      if (info.details?.title) details.title = info.details.title;
      if (info.details?.scheduledStartTime)
        details.scheduledStart = new Date(info.details.scheduledStartTime).toISOString();
      if (info.details?.scheduledEndTime) details.scheduledEnd = new Date(info.details.scheduledEndTime).toISOString();
      if (info.organizer?.aadObjectId) details.organizerId = info.organizer.aadObjectId;
      return details;
    },
    async sendCard(card: AdaptiveCard) {
      return (await context.sendActivity(cardMessage(card)))?.id;
    },
    async updateCard(activityId, card) {
      await context.updateActivity({
        type: ActivityTypes.Message,
        id: activityId,
        attachments: [CardFactory.adaptiveCard(card)],
      });
    },
  };
}
