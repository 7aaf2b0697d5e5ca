import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import {
  ConnectorEmulator,
  type ChatEntry,
  type ConnectorEmulatorOptions,
  type RecordedRequest,
} from '../../bot/src/teams/connectorEmulator.js';

export type { EmulatedMeetingInfo, EmulatedMember } from '../../bot/src/teams/connectorEmulator.js';

/**
 * The Bot Framework connector as the bot sees it, on 127.0.0.1: activities
 * POSTed to the service carry `serviceUrl` = `url`, so every reply, proactive
 * message, card update and Teams API call (members, meeting details) lands
 * here and is recorded.
 */
export interface FakeConnector {
  url: string;
  emulator: ConnectorEmulator;
  /** Every send/update request, in order. */
  requests: RecordedRequest[];
  posted(conversationId?: string): RecordedRequest[];
  chat(conversationId?: string): ChatEntry[];
  /** Adaptive Card contents the bot posted in a conversation, in order. */
  cards(conversationId?: string): Record<string, unknown>[];
  stop(): Promise<void>;
}

export async function startFakeConnector(options: ConnectorEmulatorOptions = {}): Promise<FakeConnector> {
  const emulator = new ConnectorEmulator(options);
  const app = express();
  app.use(emulator.router());
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    emulator,
    requests: emulator.requests,
    posted: (conversationId) => emulator.posted(conversationId),
    chat: (conversationId) => emulator.chat(conversationId),
    cards: (conversationId) =>
      emulator
        .posted(conversationId)
        .flatMap((r) => r.activity.attachments ?? [])
        .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
        .map((a) => a.content as Record<string, unknown>),
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
