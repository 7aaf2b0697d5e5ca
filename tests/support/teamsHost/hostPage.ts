/**
 * The page Teams' web client would be, for e2e tests: it frames one tab page
 * and answers teams-js' postMessage protocol the way Teams does. Bundled by
 * esbuild and served at https://teams.microsoft.com (see teamsHost.ts), so
 * teams-js in the frame trusts it as Teams and the tab runs its production code.
 *
 * Message shapes (teams-js 2.x, internal/communication.ts): the app sends
 * `{ id, uuidAsString, func, args, apiVersionTag, ... }`; the host answers a
 * request with `{ id, uuidAsString, args }` and raises an event with `{ func, args }`.
 */

/** The v1 ("legacy") context Teams hands to `getContext`; teams-js turns it into `app.Context`. */
export interface LegacyContext {
  frameContext: string;
  chatId?: string;
  meetingId?: string;
  entityId?: string;
  userObjectId: string;
  userPrincipalName: string;
  userDisplayName?: string;
  tid: string;
  locale: string;
  theme: string;
  hostClientType: string;
  hostName: string;
  appSessionId: string;
}

export interface HostScenario {
  /** The tab page to frame (for a side panel: the saved content URL). */
  contentUrl: string;
  context: LegacyContext;
  /** The manifest's validDomains: Teams refuses settings and stage shares outside them. */
  validDomains: string[];
}

export interface HostCall {
  func: string;
  args: unknown[];
}

export interface SaveOutcome {
  ok: boolean;
  reason?: string;
}

/** What the Node side of the test reads and drives through `page.evaluate`. */
export interface TeamsHostApi {
  open(scenario: HostScenario): void;
  setTheme(theme: string): void;
  /** The person selects Save on the set-up dialog. */
  save(): Promise<SaveOutcome>;
  calls: HostCall[];
  /** Handlers the app registered (`registerHandler`), e.g. themeChange, save. */
  handlers: string[];
  /** The last `settings.setValidityState` value: Teams enables Save only when true. */
  valid: boolean | undefined;
  /** Settings Teams stored (`settings.setSettings` it accepted). */
  settings: Record<string, unknown> | undefined;
  /** App content URLs shared to the meeting stage. */
  shared: string[];
}

interface AppMessage {
  id: number;
  uuidAsString?: string;
  func: string;
  args?: unknown[];
}

/** Answer of the Node side to an SSO request (exposed by teamsHost.ts as `window.teamsHostSso`). */
export type SsoAnswer = { ok: true; token: string } | { ok: false; reason: string };

declare global {
  interface Window {
    teamsHost: TeamsHostApi;
    teamsHostSso(request: { resources: unknown; claims: unknown; silent: unknown }): Promise<SsoAnswer>;
  }
}

/** Capabilities this host declares (teams-js checks `runtime.supports` before some calls). */
const RUNTIME = {
  apiVersion: 4,
  hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
  isLegacyTeams: false,
  supports: {
    app: {},
    appEntity: {},
    interactive: {},
    meeting: {},
    pages: { appButton: {}, backStack: {}, config: {}, currentApp: {}, tabs: {} },
    sharing: {},
    stageView: { self: {} },
    teamsCore: {},
  },
};

function allowed(url: unknown, validDomains: string[]): string | undefined {
  if (typeof url !== 'string') return 'No URL was given.';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not a URL.`;
  }
  if (parsed.protocol !== 'https:') return `"${url}" is not https.`;
  if (!validDomains.includes(parsed.host)) return `"${parsed.host}" is not in the app's validDomains.`;
  return undefined;
}

function install(): TeamsHostApi {
  let frame: HTMLIFrameElement | undefined;
  let scenario: HostScenario | undefined;
  let pendingSave: ((outcome: SaveOutcome) => void) | undefined;

  const api: TeamsHostApi = {
    calls: [],
    handlers: [],
    valid: undefined,
    settings: undefined,
    shared: [],
    open(next) {
      scenario = next;
      frame?.remove();
      frame = document.createElement('iframe');
      frame.title = 'Tab';
      frame.src = next.contentUrl;
      frame.style.cssText = 'width: 420px; height: 860px; border: 1px solid #ccc';
      document.body.append(frame);
    },
    setTheme(theme) {
      if (!scenario) throw new Error('No tab is open.');
      scenario.context.theme = theme;
      emit('themeChange', [theme]);
    },
    save() {
      return new Promise<SaveOutcome>((resolve) => {
        pendingSave = resolve;
        emit('settings.save', [{}]);
      });
    },
  };

  function target(): { win: Window; origin: string } {
    if (!frame?.contentWindow || !scenario) throw new Error('No tab is open.');
    return { win: frame.contentWindow, origin: new URL(scenario.contentUrl).origin };
  }

  function emit(func: string, args: unknown[]): void {
    const { win, origin } = target();
    win.postMessage({ func, args }, origin);
  }

  function respond(message: AppMessage, args: unknown[]): void {
    const { win, origin } = target();
    win.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, origin);
  }

  async function handle(message: AppMessage): Promise<void> {
    if (!scenario) return;
    const args = message.args ?? [];
    api.calls.push({ func: message.func, args });
    switch (message.func) {
      case 'initialize':
        // [frame context, host client type, runtime config, the SDK version the client supports]
        respond(message, [scenario.context.frameContext, 'web', JSON.stringify(RUNTIME), '2.58.0']);
        return;
      case 'getContext':
        respond(message, [{ ...scenario.context }]);
        return;
      case 'authentication.getAuthToken': {
        const [resources, claims, silent] = args;
        const answer = await window.teamsHostSso({ resources, claims, silent });
        respond(message, answer.ok ? [true, answer.token] : [false, answer.reason]);
        return;
      }
      case 'registerHandler':
        if (typeof args[0] === 'string') api.handlers.push(args[0]);
        return;
      case 'settings.setValidityState':
        api.valid = args[0] === true;
        return;
      case 'settings.setSettings': {
        const settings = (args[0] ?? {}) as Record<string, unknown>;
        const refused =
          scenario.context.frameContext !== 'settings'
            ? 'Settings can only be saved from the set-up page.'
            : (allowed(settings.contentUrl, scenario.validDomains) ??
              (settings.websiteUrl === undefined ? undefined : allowed(settings.websiteUrl, scenario.validDomains)));
        if (!refused) api.settings = settings;
        respond(message, refused ? [false, refused] : [true]);
        return;
      }
      case 'settings.save.success':
        pendingSave?.({ ok: true });
        pendingSave = undefined;
        return;
      case 'settings.save.failure':
        pendingSave?.({ ok: false, reason: typeof args[0] === 'string' ? args[0] : undefined });
        pendingSave = undefined;
        return;
      case 'meeting.getAppContentStageSharingCapabilities':
        // [error, result]
        respond(message, [null, { doesAppHaveSharePermission: scenario.context.frameContext === 'sidePanel' }]);
        return;
      case 'meeting.shareAppContentToStage': {
        const refused = allowed(args[0], scenario.validDomains);
        if (refused) {
          respond(message, [{ errorCode: 1000, message: refused }, false]);
          return;
        }
        api.shared.push(args[0] as string);
        respond(message, [null, true]);
        return;
      }
      default:
        // One-way notifications (appInitialization.success, ...) need no answer.
        return;
    }
  }

  window.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (!frame || event.source !== frame.contentWindow) return;
    const data = event.data;
    if (typeof data !== 'object' || data === null || typeof (data as AppMessage).func !== 'string') return;
    void handle(data as AppMessage);
  });
  return api;
}

window.teamsHost = install();
