import { randomUUID } from 'node:crypto';
import type { EmulatedMember, FakeConnector } from '../support/fakeConnector.js';

/**
 * A Teams meeting chat as the bot sees it: two people, a tenant, and
 * Teams-shaped activities whose serviceUrl is the fake connector, POSTed to
 * the running service's /api/messages like Teams would.
 */
export const BOT = { id: '28:test-bot', name: '1:1 Companion' };

export interface TeamsChat {
  chatId: string;
  tenantId: string;
  manager: EmulatedMember;
  report: EmulatedMember;
  meetingId: string;
  activity(from: EmulatedMember | undefined, fields: Record<string, unknown>): Record<string, unknown>;
  post(activity: Record<string, unknown>): Promise<{ status: number; body: unknown }>;
  install(): Promise<{ status: number; body: unknown }>;
  say(from: EmulatedMember, text: string): Promise<{ status: number; body: unknown }>;
  /** Teams' meeting start/end event; `at` is the StartTime / EndTime it carries (default: now). */
  meetingEvent(kind: 'start' | 'end', at?: Date): Promise<{ status: number; body: unknown }>;
  invoke(
    from: EmulatedMember,
    replyToId: string,
    verb: string,
    data: Record<string, unknown>,
  ): Promise<{ status: number; body: unknown }>;
}

let counter = 0;

/** `people` puts someone already in another chat into this one (the same person in two 1:1s). */
export function teamsChat(
  serviceUrl: string,
  connector: FakeConnector,
  name = 'chat',
  people: { manager?: EmulatedMember } = {},
): TeamsChat {
  counter += 1;
  const unique = `${name}-${counter}-${process.pid}-${randomUUID().slice(0, 8)}`;
  const tenantId = people.manager?.tenantId ?? `tenant-${unique}`;
  const chatId = `19:meeting_${unique}@thread.v2`;
  const manager: EmulatedMember = people.manager ?? {
    id: `29:manager-${unique}`,
    name: 'Alex Morgan',
    aadObjectId: `aad-manager-${unique}`,
    tenantId,
  };
  const report: EmulatedMember = {
    id: `29:report-${unique}`,
    name: 'Sam Rivera',
    aadObjectId: `aad-report-${unique}`,
    tenantId,
  };
  const meetingId = `MCMxOTptZWV0aW5n-${unique}`;
  connector.emulator.setMembers(chatId, [manager, report]);

  const activity = (from: EmulatedMember | undefined, fields: Record<string, unknown>) => ({
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl: connector.url,
    timestamp: new Date().toISOString(),
    conversation: { id: chatId, conversationType: 'groupChat', isGroup: true, tenantId },
    recipient: BOT,
    channelData: { tenant: { id: tenantId }, meeting: { id: meetingId } },
    ...(from ? { from } : {}),
    ...fields,
  });

  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(`${serviceUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  };

  return {
    chatId,
    tenantId,
    manager,
    report,
    meetingId,
    activity,
    post,
    install: () => post(activity(manager, { type: 'installationUpdate', action: 'add' })),
    say: (from, text) => post(activity(from, { type: 'message', text })),
    meetingEvent: (kind, at = new Date()) =>
      post(
        activity(manager, {
          type: 'event',
          name: kind === 'start' ? 'application/vnd.microsoft.meetingStart' : 'application/vnd.microsoft.meetingEnd',
          // PascalCase, as Teams sends it.
          value:
            kind === 'start'
              ? { Id: meetingId, Title: '1:1', MeetingType: 'Scheduled', StartTime: at.toISOString() }
              : { Id: meetingId, Title: '1:1', MeetingType: 'Scheduled', EndTime: at.toISOString() },
        }),
      ),
    invoke: (from, replyToId, verb, data) =>
      post(
        activity(from, {
          type: 'invoke',
          name: 'adaptiveCard/action',
          replyToId,
          value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
        }),
      ),
  };
}
