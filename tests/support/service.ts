import type { Member } from '../../domain/entities.js';
import type { Clock } from '../../bot/src/clock.js';
import type { Logger } from '../../bot/src/logger.js';
import { DEFAULT_CADENCE, ensureSeriesForChat, type SeriesForChatInput } from '../../bot/src/commands/series.js';
import { loadConfig } from '../../bot/src/config.js';
import type { DevIdentityIssuer } from '../../bot/src/identity/index.js';
import { createService, type Service } from '../../bot/src/service.js';
import { startEmbeddedCosmos } from '../../bot/src/store/cosmos.js';

export interface TestServiceOptions {
  /** Environment overrides on top of a dev-mode, silent, port-0 service. */
  env?: Record<string, string | undefined>;
  clock?: Clock;
  /** To capture the service's logs (build it with createLogger(config, stream)). */
  logger?: Logger;
  /** Restart on a known port (0: any free port). */
  port?: number;
  /** Keep the dev tokens of an earlier instance valid (a restart, as panels see it). */
  devIdentities?: DevIdentityIssuer;
}

export interface TestService {
  url: string;
  service: Service;
  stop(): Promise<void>;
}

/** Starts the real service (HTTP, Socket.IO, Cosmos protocol server) on a free port. */
export async function startTestService(options: TestServiceOptions = {}): Promise<TestService> {
  const config = loadConfig({
    NODE_ENV: 'test',
    DEV_MODE: 'true',
    LOG_LEVEL: 'silent',
    PORT: '0',
    // The tests' Cosmos protocol server runs in the test process, sharing its event loop with
    // the service (and compiling each new query shape on first use), so a busy 2-core machine
    // can hold a first query for seconds: the in-process limits apply unless a test sets its own.
    COSMOS_REQUEST_TIMEOUT_MS: '20000',
    REQUEST_DEADLINE_MS: '30000',
    ...options.env,
  });
  const service = await createService(config, {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.devIdentities ? { devIdentities: options.devIdentities } : {}),
  });
  const url = await service.listen(options.port ?? 0);
  return { url, service, stop: () => service.close() };
}

/** A Cosmos DB protocol server shared by several service instances (pass its endpoint as COSMOS_ENDPOINT). */
export const startCosmosServer = startEmbeddedCosmos;

let chatCounter = 0;

/** Two members with fresh ids, so every test works on its own 1:1. */
export function newMembers(prefix = 'u'): [Member, Member] {
  chatCounter += 1;
  return [
    { userId: `${prefix}-manager-${chatCounter}-${process.pid}`, name: 'Alex Morgan', role: 'manager' },
    { userId: `${prefix}-report-${chatCounter}-${process.pid}`, name: 'Sam Rivera', role: 'report' },
  ];
}

/** Creates a 1:1 the way the bot does on install. */
export async function seedSeries(service: Service, input: Partial<SeriesForChatInput> = {}) {
  chatCounter += 1;
  return ensureSeriesForChat(service.ctx, {
    tenantId: 'test-tenant',
    chatId: `19:test-${chatCounter}-${process.pid}-${Date.now()}@thread.v2`,
    title: 'Alex / Sam 1:1',
    members: newMembers(),
    cadence: DEFAULT_CADENCE,
    ...input,
  });
}

/** A real signed dev token for a member (dev-mode services only). */
export async function devToken(service: Service, tenantId: string, member: Pick<Member, 'userId' | 'name'>) {
  if (!service.devIdentities) throw new Error('devToken needs a service started in dev mode');
  return service.devIdentities.issueToken({ tenantId, userId: member.userId, name: member.name });
}
