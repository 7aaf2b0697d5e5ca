import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';
import type { Server as SocketServer } from 'socket.io';
import { Unauthenticated } from '../../domain/errors.js';
import type { Clock } from './clock.js';
import { AdjustableClock, systemClock } from './clock.js';
import type { CommandContext } from './commands/context.js';
import { finishClose } from './commands/meetingLifecycle.js';
import { backfillPromptEffectsOnce } from './commands/promptBackfill.js';
import { backfillUserIndexIfEmpty } from './commands/userIndex.js';
import type { Config } from './config.js';
import { apiNotFound, errorHandler } from './http/errors.js';
import { authenticate } from './http/auth.js';
import { requestDeadline } from './http/deadline.js';
import { createRateLimiter, type RateLimiter } from './http/rateLimit.js';
import { securityHeaders } from './http/security.js';
import { requestLog } from './http/requestLog.js';
import {
  cachedVerifier,
  createDevIdentityIssuer,
  createEntraTokenVerifier,
  type DevIdentityIssuer,
  type TokenVerifier,
} from './identity/index.js';
import { DEV_KEY_FILE } from './localData.js';
import { createLogger, type Logger } from './logger.js';
import { attachCacheBus, type CacheBus } from './realtime/cacheBus.js';
import { attachScaleOut } from './realtime/scaleOut.js';
import { createRealtime, type Realtime } from './realtime/socketServer.js';
import { devRoutes } from './routes/devRoutes.js';
import { API_ROUTES } from './routes/apiRoutes.js';
import { apiRouter } from './routes/router.js';
import { panelLink } from './cards/panelLink.js';
import { BotStore } from './store/botStore.js';
import { connectCosmos, storageTimeouts, type CosmosConnection } from './store/cosmos.js';
import { createStore } from './store/index.js';
import { createBot, type Bot } from './teams/index.js';

export interface ServiceDeps {
  clock?: Clock;
  logger?: Logger;
  /**
   * Dev mode: the issuer of an earlier run, so a restarted service keeps
   * accepting the tokens open panels hold (tests restart the service this way).
   */
  devIdentities?: DevIdentityIssuer;
  /**
   * A local folder for the embedded Cosmos server's data and the dev signing
   * key, kept across restarts (`npm start`); unset: memory only (tests).
   */
  localDataDir?: string;
}

export interface Service {
  config: Config;
  app: Express;
  httpServer: HttpServer;
  io: SocketServer;
  cosmos: CosmosConnection;
  ctx: CommandContext;
  clock: Clock;
  logger: Logger;
  /** Present in dev mode only. */
  devIdentities?: DevIdentityIssuer;
  /** The Teams bot: /api/messages, and the effects processor that posts its cards (prompts, summaries, nudges). */
  bot: Bot;
  listen(port?: number): Promise<string>;
  close(): Promise<void>;
}

/** Where the built tab is: beside the sources in a checkout, or beside the bundle in a deployment. */
function tabDistDir(): string | undefined {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [path.resolve(here, '../../tab/dist'), path.resolve(here, '../tab/dist')].find((dir) => existsSync(dir));
}

function tokenVerifier(config: Config, dev: DevIdentityIssuer | undefined): TokenVerifier {
  if (dev) return dev.verifier;
  if (!config.AAD_APP_CLIENT_ID) {
    // Without an Entra app nobody can sign in: every API call answers 401 with this reason.
    return {
      verify: async () => {
        throw new Unauthenticated('Sign-in is not configured on this server (AAD_APP_CLIENT_ID is unset).');
      },
    };
  }
  return createEntraTokenVerifier({
    clientId: config.AAD_APP_CLIENT_ID,
    ...(config.AAD_APP_ID_URI ? { appIdUri: config.AAD_APP_ID_URI } : {}),
    allowedTenants:
      config.AUTH_ALLOWED_TENANTS?.split(',')
        .map((t) => t.trim())
        .filter(Boolean) ?? [],
    jwksUrl: config.AUTH_JWKS_URL,
  });
}

/** Dev mode serves signed dev tokens at /api/dev/session: loopback only unless HOST says otherwise. */
function listenHost(config: Config): string | undefined {
  return config.HOST ?? (config.DEV_MODE ? '127.0.0.1' : undefined);
}

function shownHost(host: string | undefined): string {
  if (!host || ['0.0.0.0', '::', '127.0.0.1', 'localhost'].includes(host)) return 'localhost';
  return host.includes(':') ? `[${host}]` : host;
}

/**
 * Builds the one service process: REST API, Socket.IO, Bot Framework endpoint
 * and the built tab, over one Cosmos connection. Nothing listens until
 * `listen()`, so tests can start several on port 0.
 */
export async function createService(config: Config, deps: ServiceDeps = {}): Promise<Service> {
  const logger = deps.logger ?? createLogger(config);
  const clock = deps.clock ?? (config.DEV_MODE ? new AdjustableClock() : systemClock);
  const cosmos = await connectCosmos(config, logger, deps.localDataDir ? { dataDir: deps.localDataDir } : {});
  const store = createStore(cosmos);
  const devIdentities = config.DEV_MODE
    ? (deps.devIdentities ??
      (await createDevIdentityIssuer(deps.localDataDir ? { keyFile: path.join(deps.localDataDir, DEV_KEY_FILE) } : {})))
    : undefined;
  const verifier = cachedVerifier(tokenVerifier(config, devIdentities));

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 1);
  const httpServer = createServer(app);

  // The publisher lives in the real-time module, which checks membership through the context: wire both ways.
  const publisher: CommandContext['publisher'] = {
    publish: (seriesId, records) => realtime.publisher.publish(seriesId, records),
  };
  const ctx: CommandContext = {
    store,
    clock,
    logger,
    publisher,
    rejoinWindowMs: config.REJOIN_WINDOW_MINUTES * 60_000,
    promptLeadMs: config.PROMPT_LEAD_HOURS * 3_600_000,
  };
  await backfillUserIndexIfEmpty(ctx);
  await backfillPromptEffectsOnce(ctx);
  const bot = createBot({
    config,
    ctx: () => ctx,
    botStore: new BotStore(cosmos.containers.prompts),
    clock,
    logger,
    ...(devIdentities ? { devVerifier: devIdentities.verifier } : {}),
  });
  // The effects processor posts through the bot's adapter; commands reach it through the context.
  ctx.effects = bot.scheduler;
  // Sockets and REST spend the same budgets; they live in Redis when the scale-out connects one.
  const realtime: Realtime = createRealtime(httpServer, {
    verifier,
    ctx: () => ctx,
    logger,
    rateLimiter: () => rateLimiter,
  });
  let cacheBus: CacheBus | undefined;
  const scaleOut = await attachScaleOut(realtime.io, config, logger, (reason, lostSinceMs) => {
    cacheBus?.recovered(lostSinceMs);
    realtime.resync(reason, lostSinceMs);
  });
  // Several instances keep their series caches in step over the same adapter (one instance needs nothing).
  if (scaleOut.redis) {
    cacheBus = attachCacheBus(realtime.io, store, {
      rollForward: (seriesId, closed) => finishClose(ctx, seriesId, closed),
      logger,
    });
  }
  const rateLimiter: RateLimiter = createRateLimiter({
    perMinute: config.RATE_LIMIT_PER_MINUTE,
    ...(scaleOut.redis ? { redis: scaleOut.redis } : {}),
  });

  app.use(requestLog(logger));
  app.use(securityHeaders(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok', storage: cosmos.embedded ? 'embedded' : 'cosmos' });
  });

  app.post('/api/messages', ...bot.messages);

  const api = express.Router();
  // Bodies are parsed only after sign-in is checked: strangers get a 401, not a JSON parser's opinion.
  const json = express.json({ limit: '128kb' });
  api.use(requestDeadline(storageTimeouts(config, cosmos.embedded).deadlineMs, logger));
  api.use(rateLimiter.perAddress);
  if (devIdentities) api.use('/dev', json, devRoutes({ ctx: () => ctx, devIdentities }));
  if (bot.devRouter) api.use('/dev', json, bot.devRouter);
  api.use(authenticate(verifier));
  api.use(rateLimiter.perCaller);
  api.use(json);
  api.use(
    apiRouter(API_ROUTES, {
      ctx: () => ctx,
      // Only a Teams deep link opens the 1:1's panel from the home; without the app id the tab links locally.
      panelUrl: (chatId) =>
        config.TEAMS_APP_ID
          ? panelLink({
              chatId,
              teamsAppId: config.TEAMS_APP_ID,
              ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
            })
          : undefined,
    }),
  );
  api.use(apiNotFound);
  app.use('/api', api);

  const tabDir = tabDistDir();
  if (tabDir) {
    if (!config.DEV_MODE) app.get(['/', '/index.html'], (_req, res) => res.redirect('/panel.html'));
    app.use(express.static(tabDir, { index: 'index.html', maxAge: '1h' }));
  }
  app.use(errorHandler(logger));

  return {
    config,
    app,
    httpServer,
    io: realtime.io,
    cosmos,
    ctx,
    clock,
    logger,
    ...(devIdentities ? { devIdentities } : {}),
    bot,
    listen: (port = config.PORT) =>
      new Promise<string>((resolve, reject) => {
        httpServer.once('error', reject);
        const host = listenHost(config);
        const onListening = () => {
          const address = httpServer.address() as AddressInfo;
          bot.scheduler.start();
          resolve(`http://${shownHost(host)}:${address.port}`);
        };
        if (host) httpServer.listen(port, host, onListening);
        else httpServer.listen(port, onListening);
      }),
    async close() {
      await bot.scheduler.stop();
      await realtime.close();
      await scaleOut.close();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      await cosmos.close();
    },
  };
}
