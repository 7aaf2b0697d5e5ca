import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer, type Server as TlsServer } from 'node:tls';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { FrameLocator, Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../browser.js';
import { selfSignedCertificate } from './certificate.js';
import type { HostCall, HostScenario, LegacyContext, SaveOutcome, SsoAnswer, TeamsHostApi } from './hostPage.js';

export type { HostCall, LegacyContext, SaveOutcome, SsoAnswer };

/** teams-js trusts messages only from its list of Teams origins (https, port 443): the host is served as Teams. */
export const TEAMS_ORIGIN = 'https://teams.microsoft.com';
/** The app's public host name, as PUBLIC_URL / APP_DOMAIN would give it in a deployment. */
export const APP_HOST = 'companion.contoso.test';
export const APP_ORIGIN = `https://${APP_HOST}`;

export type SsoProvider = (request: { resources: unknown; claims: unknown; silent: unknown }) => Promise<SsoAnswer>;

export interface TeamsHostPage {
  page: Page;
  /** The framed tab page. */
  tab: FrameLocator;
  /** Answers the tab's `authentication.getAuthToken` (replace it to inject failures). */
  sso: SsoProvider;
  readonly ssoRequests: number;
  open(scenario: Omit<HostScenario, 'validDomains'> & { validDomains?: string[] }): Promise<void>;
  setTheme(theme: 'default' | 'dark' | 'contrast'): Promise<void>;
  save(): Promise<SaveOutcome>;
  /** What the host has seen and stored so far. */
  state(): Promise<Pick<TeamsHostApi, 'calls' | 'handlers' | 'valid' | 'settings' | 'shared'>>;
}

export interface TeamsHost {
  /** Public https origin of the service under test (a TLS front forwarding to it). */
  appOrigin: string;
  openPage(sso: SsoProvider): Promise<TeamsHostPage>;
  close(): Promise<void>;
}

async function listen(server: HttpsServer | TlsServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

function closeServer(server: HttpsServer | TlsServer, sockets: Set<Socket>): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

function track(server: HttpsServer | TlsServer): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

async function hostScript(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./hostPage.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
    logLevel: 'silent',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild produced no host script');
  return output.text;
}

const HOST_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Microsoft Teams (test host)</title>
<script src="/host.js"></script></head><body></body></html>`;

/**
 * The Teams side of the tab e2e: the host page at https://teams.microsoft.com
 * and a TLS front that serves the service under test at https://APP_HOST,
 * both on loopback. Chromium maps the two names (port 443) to them with
 * --host-resolver-rules; nothing in the tab knows it is a test.
 */
export async function startTeamsHost(options: { serviceUrl: string }): Promise<TeamsHost> {
  const certificate = await selfSignedCertificate(['teams.microsoft.com', APP_HOST]);
  const script = await hostScript();

  const hostServer = createHttpsServer(certificate, (req, res) => {
    if (req.url === '/host.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(HOST_HTML);
  });
  const hostSockets = track(hostServer);

  // TLS terminates here, as App Service's front end does; bytes (HTTP, WebSocket) pass through unchanged.
  const service = new URL(options.serviceUrl);
  const front = createTlsServer(certificate, (client) => {
    const upstream = connect(Number(service.port), '127.0.0.1');
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
  });
  const frontSockets = track(front);

  const hostPort = await listen(hostServer);
  const frontPort = await listen(front);
  let browser: Promise<LaunchedBrowser> | undefined;
  const launch = () =>
    (browser ??= launchBrowser({
      viewport: { width: 900, height: 1000 },
      ignoreHTTPSErrors: true,
      args: [
        // Port 443 in the page's eyes: teams-js accepts Teams origins without a port only. teams-js also
        // fetches a list of Teams origins from its CDN: refused at once here, it uses its built-in list.
        `--host-resolver-rules=MAP teams.microsoft.com:443 127.0.0.1:${hostPort}, MAP ${APP_HOST}:443 127.0.0.1:${frontPort}, MAP res.cdn.office.net ~NOTFOUND`,
        '--ignore-certificate-errors',
      ],
    }));

  return {
    appOrigin: APP_ORIGIN,
    async openPage(sso) {
      const page = await (await launch()).context.newPage();
      let ssoRequests = 0;
      const hostPage: TeamsHostPage = {
        page,
        tab: page.frameLocator('iframe[title="Tab"]'),
        sso,
        get ssoRequests() {
          return ssoRequests;
        },
        async open(scenario) {
          await page.evaluate((s) => window.teamsHost.open(s), { validDomains: [APP_HOST], ...scenario });
        },
        async setTheme(theme) {
          await page.evaluate((t) => window.teamsHost.setTheme(t), theme);
        },
        save: () => page.evaluate(() => window.teamsHost.save()),
        state: () =>
          page.evaluate(() => {
            const { calls, handlers, valid, settings, shared } = window.teamsHost;
            return { calls, handlers, valid, settings, shared };
          }),
      };
      await page.exposeFunction('teamsHostSso', (request: Parameters<SsoProvider>[0]) => {
        ssoRequests += 1;
        return hostPage.sso(request);
      });
      await page.goto(`${TEAMS_ORIGIN}/`);
      return hostPage;
    },
    async close() {
      if (browser) await (await browser).close();
      await Promise.all([closeServer(hostServer, hostSockets), closeServer(front, frontSockets)]);
    },
  };
}

/** A Teams context for one person in one place (meeting side panel unless told otherwise). */
export function teamsContext(input: {
  frameContext?: 'sidePanel' | 'content' | 'meetingStage' | 'settings';
  userId: string;
  name?: string;
  tenantId: string;
  chatId?: string;
  meetingId?: string;
  theme?: string;
  locale?: string;
}): LegacyContext {
  return {
    frameContext: input.frameContext ?? 'sidePanel',
    ...(input.chatId ? { chatId: input.chatId } : {}),
    ...(input.meetingId ? { meetingId: input.meetingId } : {}),
    entityId: 'one-on-one-companion',
    userObjectId: input.userId,
    userPrincipalName: `${input.userId}@contoso.test`,
    ...(input.name ? { userDisplayName: input.name } : {}),
    tid: input.tenantId,
    locale: input.locale ?? 'en-us',
    theme: input.theme ?? 'default',
    hostClientType: 'web',
    hostName: 'Teams',
    appSessionId: `session-${input.userId}`,
  };
}
