import { randomUUID } from 'node:crypto';
import express, { type Request, type Router } from 'express';
import { z } from 'zod/v4';
import type { Series } from '../../../domain/entities.js';
import { Invalid, NotFound } from '../../../domain/errors.js';
import { localeFromAcceptLanguage, localeTag } from '../../../i18n/locales.js';
import { seriesIdForChat } from '../../../domain/series.js';
import { AdjustableClock } from '../clock.js';
import { DEMO_SERIES, ensureSeriesForChat } from '../commands/series.js';
import { bearerToken, type Caller, type TokenVerifier } from '../identity/index.js';
import type { EffectsProcessor } from '../effects/processor.js';
import type { ConnectorEmulator, EmulatedMember } from './connectorEmulator.js';
import { ADD_TO_AGENDA_COMMAND } from './messageExtension.js';
import type { BotRuntime } from './runtime.js';

/**
 * Dev mode only: the local meeting page's chat. The bot really runs — each
 * button here POSTs a Teams-shaped activity to this service's own
 * /api/messages — and its messages go to an in-process connector emulator
 * (mounted at /api/dev/connector), which is what GET /api/dev/chat shows.
 *
 *   GET  /api/dev/chat?seriesId=…             -> { activities: ChatEntry[] } (installs the bot in the chat first)
 *   POST /api/dev/chat/invoke   (dev token)   { activityId, verb, data, inputs? } -> { status, body } of the invoke
 *   POST /api/dev/chat/message  (dev token)   { text } -> the bot answers in the chat
 *   POST /api/dev/chat/message-action (dev token) { step: fetch|submit, message, data? } -> { status, body }
 *        "Add to 1:1 agenda" on a chat message: composeExtension/fetchTask or submitAction, as Teams sends them
 *   POST /api/dev/meeting/start { seriesId? } -> Teams' meeting-start event
 *   POST /api/dev/meeting/end   { seriesId? } -> Teams' meeting-end event (summary card)
 *   POST /api/dev/clock/advance-to-prompt { seriesId? } -> moves the clock to the prompt time and runs the scheduler
 * Without seriesId, the demo 1:1 of GET /api/dev/session.
 */
export interface DevChatDeps {
  rt: BotRuntime;
  scheduler: EffectsProcessor;
  connector: ConnectorEmulator;
  verifier: TokenVerifier;
}

const BOT_ACCOUNT = { id: '28:one-on-one-companion', name: '1:1 Companion' };
const SeriesParam = z.object({ seriesId: z.string().min(1).max(128).optional() });
const InvokeBody = z.object({
  seriesId: z.string().min(1).max(128).optional(),
  activityId: z.string().min(1).max(200),
  verb: z.string().min(1).max(100),
  data: z.record(z.string(), z.string()).default({}),
  inputs: z.record(z.string(), z.string()).default({}),
});
const MessageActionBody = z.object({
  seriesId: z.string().min(1).max(128).optional(),
  step: z.enum(['fetch', 'submit']),
  /** The message the action was started on, as the page shows it (the page's own messages are not recorded here). */
  message: z.object({
    id: z.string().min(1).max(200),
    text: z.string().max(100_000).default(''),
    author: z.string().max(200).optional(),
  }),
  /** The dialog's input values (submit). */
  data: z.record(z.string(), z.string()).default({}),
});
const MessageBody = z.object({ seriesId: z.string().min(1).max(128).optional(), text: z.string().min(1).max(2000) });

export function devChatRoutes(deps: DevChatDeps): Router {
  const { rt, connector } = deps;
  const router = express.Router();
  router.use('/connector', connector.router());

  async function seriesFor(seriesId: string | undefined): Promise<Series> {
    if (!seriesId || seriesId === seriesIdForChat(DEMO_SERIES.chatId))
      return ensureSeriesForChat(rt.ctx(), DEMO_SERIES);
    const record = (await rt.ctx().store.records.read(seriesId, seriesId))?.record;
    if (!record || record.type !== 'series') throw new NotFound('There is no such 1:1.');
    return record;
  }

  /** The Teams side of a chat: its two members as Teams accounts, and a conversation to post to. */
  function teamsAccounts(series: Series): EmulatedMember[] {
    return series.members.map((m) => ({
      id: `29:${m.userId}`,
      name: m.name,
      aadObjectId: m.userId,
      tenantId: series.tenantId,
    }));
  }

  /**
   * The page's language, as Teams would send the reader's: the local page
   * sends the locale it shows as Accept-Language, so the bot answers in it.
   */
  function localeOf(req: Request): string {
    return localeTag(localeFromAcceptLanguage(req.get('accept-language')));
  }

  function baseActivity(req: Request, series: Series, from: EmulatedMember | undefined) {
    return {
      id: randomUUID(),
      locale: localeOf(req),
      channelId: 'msteams',
      serviceUrl: `${origin(req)}/api/dev/connector`,
      timestamp: new Date().toISOString(),
      conversation: { id: series.chatId, conversationType: 'groupChat', isGroup: true, tenantId: series.tenantId },
      recipient: BOT_ACCOUNT,
      channelData: { tenant: { id: series.tenantId } },
      ...(from ? { from } : {}),
    };
  }

  async function send(req: Request, activity: Record<string, unknown>): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${origin(req)}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** Adds the bot to the local chat the way Teams would, once. */
  async function ensureInstalled(req: Request, series: Series): Promise<void> {
    const accounts = teamsAccounts(series);
    connector.setMembers(series.chatId, accounts);
    if (await rt.botStore.chatBinding(series.id)) return;
    const manager = accounts.find((a) => series.members.find((m) => m.role === 'manager')?.userId === a.aadObjectId);
    await send(req, { ...baseActivity(req, series, manager), type: 'installationUpdate', action: 'add' });
  }

  async function caller(req: Request, series: Series): Promise<EmulatedMember> {
    const who: Caller = await deps.verifier.verify(bearerToken(req.get('authorization')));
    // The dev token says who; Teams would tell the bot the same Entra id in `from.aadObjectId`.
    return {
      id: `29:${who.userId}`,
      name: who.name ?? 'Dev user',
      aadObjectId: who.userId,
      tenantId: who.tenantId ?? series.tenantId,
    };
  }

  router.get('/chat', async (req, res) => {
    const { seriesId } = parse(SeriesParam, req.query);
    const series = await seriesFor(seriesId);
    await ensureInstalled(req, series);
    res.json({ activities: connector.chat(series.chatId) });
  });

  router.post('/chat/invoke', async (req, res) => {
    const body = parse(InvokeBody, req.body);
    const series = await seriesFor(body.seriesId);
    await ensureInstalled(req, series);
    const from = await caller(req, series);
    const result = await send(req, {
      ...baseActivity(req, series, from),
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: body.activityId,
      value: {
        action: { type: 'Action.Execute', verb: body.verb, data: { ...body.data, ...body.inputs } },
        trigger: 'manual',
      },
    });
    res.status(result.status >= 500 ? 502 : 200).json(result);
  });

  router.post('/chat/message', async (req, res) => {
    const body = parse(MessageBody, req.body);
    const series = await seriesFor(body.seriesId);
    await ensureInstalled(req, series);
    const from = await caller(req, series);
    const result = await send(req, { ...baseActivity(req, series, from), type: 'message', text: body.text });
    res.status(result.status >= 400 ? 502 : 202).json({ status: result.status });
  });

  // A message action goes through the same invokes as in Teams: the bot answers a dialog (an
  // Adaptive Card in a `continue` task) or a message, and the page shows it as Teams would.
  router.post('/chat/message-action', async (req, res) => {
    const body = parse(MessageActionBody, req.body);
    const series = await seriesFor(body.seriesId);
    await ensureInstalled(req, series);
    const from = await caller(req, series);
    // The message as Teams describes it in the invoke (`messagePayload`); plain text, since the page shows text.
    const messagePayload = {
      id: body.message.id,
      body: { contentType: 'text', content: body.message.text },
      ...(body.message.author ? { from: { user: { displayName: body.message.author } } } : {}),
    };
    const result = await send(req, {
      ...baseActivity(req, series, from),
      type: 'invoke',
      name: body.step === 'fetch' ? 'composeExtension/fetchTask' : 'composeExtension/submitAction',
      value: {
        commandId: ADD_TO_AGENDA_COMMAND,
        commandContext: 'message',
        messagePayload,
        ...(body.step === 'submit' ? { data: body.data } : {}),
      },
    });
    res.status(result.status >= 500 ? 502 : 200).json(result);
  });

  for (const [path, name] of [
    ['/meeting/start', 'application/vnd.microsoft.meetingStart'],
    ['/meeting/end', 'application/vnd.microsoft.meetingEnd'],
  ] as const) {
    router.post(path, async (req, res) => {
      const { seriesId } = parse(SeriesParam, req.body ?? {});
      const series = await seriesFor(seriesId);
      await ensureInstalled(req, series);
      const now = rt.clock.now().toISOString();
      // Teams sends these values in PascalCase.
      const value = {
        Id: `dev-meeting-${series.id}`,
        Title: series.title,
        MeetingType: 'Scheduled',
        ...(name.endsWith('Start') ? { StartTime: now } : { EndTime: now }),
      };
      const result = await send(req, {
        ...baseActivity(req, series, teamsAccounts(series)[0]),
        type: 'event',
        name,
        value,
      });
      res.status(result.status >= 400 ? 502 : 200).json({ status: result.status });
    });
  }

  router.post('/clock/advance-to-prompt', async (req, res) => {
    const { seriesId } = parse(SeriesParam, req.body ?? {});
    const series = await seriesFor(seriesId);
    await ensureInstalled(req, series);
    if (!(rt.clock instanceof AdjustableClock)) throw new Invalid('The clock of this service cannot be moved.');
    const due = await deps.scheduler.promptDueAt(series.id);
    if (due) rt.clock.advanceTo(due);
    const report = await deps.scheduler.tick();
    res.json({ now: rt.clock.now().toISOString(), ...report });
  });

  return router;
}

function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new Invalid(
      'The request is not valid.',
      parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
    );
  return parsed.data;
}
