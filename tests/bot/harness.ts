import { expect } from 'vitest';
import { seriesIdForChat } from '../../domain/series.js';
import { AdjustableClock } from '../../bot/src/clock.js';
import { apiClient } from '../support/api.js';
import { startFakeConnector, type EmulatedMember, type FakeConnector } from '../support/fakeConnector.js';
import { devToken, startTestService, type TestService, type TestServiceOptions } from '../support/service.js';
import { describeProblems, validateCard } from './cardSchema.js';
import { teamsChat, type TeamsChat } from './teamsChat.js';

/** A running service, a fake Teams connector, and one meeting chat with the bot in it. */
export interface BotHarness {
  svc: TestService;
  connector: FakeConnector;
  clock: AdjustableClock;
  chat: TeamsChat;
  seriesId: string;
  api(member: EmulatedMember): Promise<ReturnType<typeof apiClient>>;
  stop(): Promise<void>;
}

export interface BotHarnessOptions extends TestServiceOptions {
  install?: boolean;
  /** The Teams meeting's scheduled start (meeting details); default three days ahead, so no prompt is due yet. */
  firstStart?: Date;
}

export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const clock = options.clock instanceof AdjustableClock ? options.clock : new AdjustableClock();
  // Ticks are driven by the tests; the background interval stays out of their way.
  const svc = await startTestService({
    ...options,
    env: { SCHEDULER_INTERVAL_SECONDS: '3600', ...options.env },
    clock,
  });
  const connector = await startFakeConnector();
  const chat = teamsChat(svc.url, connector);
  const firstStart = options.firstStart ?? new Date(Math.ceil((Date.now() + 3 * 86_400_000) / 3_600_000) * 3_600_000);
  connector.emulator.setMeetingInfo(chat.meetingId, {
    details: {
      id: chat.meetingId,
      title: '',
      scheduledStartTime: firstStart.toISOString(),
      scheduledEndTime: new Date(firstStart.getTime() + 30 * 60_000).toISOString(),
    },
    organizer: { id: chat.manager.id, aadObjectId: chat.manager.aadObjectId },
  });
  if (options.install !== false) expect((await chat.install()).status).toBe(200);
  return {
    svc,
    connector,
    clock,
    chat,
    seriesId: seriesIdForChat(chat.chatId),
    api: async (member) =>
      apiClient(svc.url, await devToken(svc.service, chat.tenantId, { userId: member.aadObjectId, name: member.name })),
    stop: async () => {
      await svc.stop();
      await connector.stop();
    },
  };
}

/** The text of every TextBlock and fact of a card, for "the card says …" assertions. */
export function cardTexts(card: unknown): string[] {
  const texts: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') texts.push(record.text);
    if (typeof record.title === 'string' && typeof record.value === 'string')
      texts.push(`${record.title}: ${record.value}`);
    Object.values(record).forEach(walk);
  };
  walk(card);
  return texts;
}

/** Every card the bot sent or updated must be a valid Adaptive Card 1.5. */
export function expectValidCards(connector: FakeConnector): void {
  const cards = connector.requests.flatMap((r) => r.activity.attachments ?? []).map((a) => a.content);
  for (const card of cards) expect(describeProblems(validateCard(card))).toBe('');
}

export function isPromptCard(card: unknown): boolean {
  return cardTexts(card).includes('What would you like to talk about?');
}
