import type { Activity } from 'botbuilder';
import { z } from 'zod/v4';
import type { Caller } from '../identity/index.js';

/**
 * Reading Teams activities defensively: what Teams sends and what the
 * typings promise differ in places (see meetingEventDetails).
 */

/** The minimum an activity needs before it reaches the SDK; anything less is a 400, not a crash. */
export const IncomingActivity = z.looseObject({
  type: z.string().min(1, 'activity type is required'),
  serviceUrl: z.string().min(1, 'serviceUrl is required'),
  channelId: z.string().min(1, 'channelId is required'),
  conversation: z.looseObject({ id: z.string().min(1, 'conversation.id is required') }),
  from: z.looseObject({ id: z.string() }).optional(),
});

export function tenantOf(activity: Partial<Activity>): string | undefined {
  const fromConversation = activity.conversation?.tenantId;
  const channelData: unknown = activity.channelData;
  const fromChannelData =
    typeof channelData === 'object' && channelData !== null
      ? (channelData as { tenant?: { id?: unknown } }).tenant?.id
      : undefined;
  const tenantId = fromConversation ?? fromChannelData;
  return typeof tenantId === 'string' && tenantId !== '' ? tenantId : undefined;
}

/**
 * The person behind an activity, identified like a panel user: Entra object
 * id and tenant. The name is for display only.
 */
export function callerOf(activity: Partial<Activity>): Caller | undefined {
  const userId = activity.from?.aadObjectId;
  const tenantId = tenantOf(activity);
  if (!userId || !tenantId) return undefined;
  return { tenantId, userId, ...(activity.from?.name ? { name: activity.from.name } : {}) };
}

export function meetingIdOf(activity: Partial<Activity>): string | undefined {
  const channelData: unknown = activity.channelData;
  if (typeof channelData !== 'object' || channelData === null) return undefined;
  const id = (channelData as { meeting?: { id?: unknown } }).meeting?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

export interface MeetingEventDetails {
  id?: string;
  title?: string;
  startTime?: string;
  endTime?: string;
}

/**
 * Teams sends meeting start/end values in PascalCase (`Id`, `Title`,
 * `StartTime`, `EndTime`) although botbuilder's typings say camelCase; read both.
 */
export function meetingEventDetails(value: unknown): MeetingEventDetails {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  const pick = (pascal: string, camel: string) => {
    const found = v[pascal] ?? v[camel];
    return typeof found === 'string' && found !== '' ? found : undefined;
  };
  const details: MeetingEventDetails = {};
  const id = pick('Id', 'id');
  const title = pick('Title', 'title');
  const startTime = pick('StartTime', 'startTime');
  const endTime = pick('EndTime', 'endTime');
  if (id) details.id = id;
  if (title) details.title = title;
  if (startTime) details.startTime = startTime;
  if (endTime) details.endTime = endTime;
  return details;
}

/** The reader's locale as Teams sends it (`de-DE`, `en-US`); anything that is not a language tag is ignored. */
export function localeOf(activity: Partial<Activity>): string | undefined {
  const locale: unknown = activity.locale;
  return typeof locale === 'string' && locale.length <= 35 && /^[A-Za-z]{2,8}([-_][A-Za-z0-9]{1,8})*$/.test(locale)
    ? locale
    : undefined;
}
