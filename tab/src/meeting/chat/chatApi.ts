import { z } from 'zod/v4';
import { request, type TokenSource } from '../../api/http.js';

/**
 * The local meeting chat (dev mode only): what the bot "sent" into the
 * meeting chat, as the service's in-process connector recorded it, and the
 * calls a Teams client would make on a person's behalf. The tab never
 * imports service code, so the shapes it reads are declared here.
 */
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

const Attachment = z.object({ contentType: z.string(), content: z.unknown().optional() });

const Activity = z.object({
  type: z.string().optional(),
  text: z.string().optional(),
  from: z.object({ id: z.string().optional(), name: z.string().optional() }).optional(),
  attachments: z.array(Attachment).optional(),
});

const ChatEntry = z.object({
  id: z.string(),
  postedAt: z.string(),
  updatedAt: z.string().optional(),
  deleted: z.boolean().optional(),
  activity: Activity,
});

/** GET /api/dev/chat (bot/src/teams/devChat.ts): the chat's messages in the order posted, each with its latest edit. */
const ChatResponse = z.object({ activities: z.array(ChatEntry) });

/** One message as the chat shows it. */
export interface ChatMessage {
  id: string;
  author: string;
  postedAt: string;
  text?: string;
  /** Adaptive Card JSON, given as is to the renderer. */
  cards: object[];
  /** Changes whenever the message is edited (its whole recorded form), so a card is re-rendered only then. */
  version: string;
}

function toMessage(entry: z.infer<typeof ChatEntry>): ChatMessage {
  const cards = (entry.activity.attachments ?? [])
    .filter((a) => a.contentType === ADAPTIVE_CARD && typeof a.content === 'object' && a.content !== null)
    .map((a) => a.content as object);
  const text = entry.activity.text?.trim();
  return {
    id: entry.id,
    author: entry.activity.from?.name ?? '1:1 Companion',
    postedAt: entry.postedAt,
    ...(text ? { text } : {}),
    cards,
    version: JSON.stringify(entry),
  };
}

/**
 * Every call below carries the page's language as Accept-Language (api/http.ts):
 * the service puts it on the Bot Framework activity it builds
 * (`activity.locale`, as Teams does), so the bot answers in it.
 */
export async function loadChat(): Promise<ChatMessage[]> {
  const { activities } = await request({}, 'GET', '/api/dev/chat', ChatResponse);
  return activities.filter((e) => !e.deleted && e.activity.type !== 'typing').map(toMessage);
}

/**
 * What the bot answered the invoke (HTTP status and body), passed through by
 * the service. The body is a Universal Actions response: a card that replaces
 * the pressed one, or a message to show.
 */
const InvokeResult = z.object({
  status: z.number(),
  body: z
    .object({ statusCode: z.number().optional(), type: z.string().optional(), value: z.unknown().optional() })
    .optional(),
});

/** The bot answered an invoke with an error status; the page says so in its own words. */
export class ActionRefused extends Error {
  constructor(readonly status: number) {
    super(`The bot refused the action (HTTP ${status}).`);
    this.name = 'ActionRefused';
  }
}

export type InvokeOutcome = { kind: 'card'; card: object } | { kind: 'message'; text: string } | { kind: 'none' };

export interface CardAction {
  /** The chat message whose card was pressed. */
  activityId: string;
  verb: string;
  /** The action's data with the card's input values merged in, as Teams sends it. */
  data: unknown;
}

/** Card data and input values are strings in our cards; anything else is sent as its text. */
function flatStrings(data: unknown): Record<string, string> {
  if (typeof data !== 'object' || data === null) return {};
  return Object.fromEntries(
    Object.entries(data).flatMap(([key, value]) =>
      value === undefined || value === null ? [] : [[key, typeof value === 'string' ? value : JSON.stringify(value)]],
    ),
  );
}

/** Presses a card button as the dev member whose token is given (the service verifies it). */
export async function invokeCardAction(getToken: TokenSource, action: CardAction): Promise<InvokeOutcome> {
  const body = { activityId: action.activityId, verb: action.verb, data: flatStrings(action.data) };
  const result = await request({ getToken }, 'POST', '/api/dev/chat/invoke', InvokeResult, body);
  if (result.status >= 400) throw new ActionRefused(result.status);
  const { type, value } = result.body ?? {};
  if (type === ADAPTIVE_CARD && typeof value === 'object' && value !== null) return { kind: 'card', card: value };
  if (typeof value === 'string' && value.trim() !== '') return { kind: 'message', text: value };
  return { kind: 'none' };
}

/**
 * What the bot answered a message action (bot/src/teams/messageExtension.ts), as a Teams
 * client reads a task-module answer: a dialog with an Adaptive Card, or a message to show.
 */
const TaskAnswer = z.object({
  status: z.number(),
  body: z
    .object({
      task: z.union([
        z.object({
          type: z.literal('continue'),
          value: z.object({
            title: z.string().optional(),
            card: z.object({ contentType: z.literal(ADAPTIVE_CARD), content: z.record(z.string(), z.unknown()) }),
          }),
        }),
        z.object({ type: z.literal('message'), value: z.string() }),
      ]),
    })
    .optional(),
});

export type TaskStep = { kind: 'dialog'; title?: string; card: object } | { kind: 'message'; text: string };

/**
 * "Add to 1:1 agenda" on a chat message, as the dev member whose token is given: `fetch` opens
 * the dialog, `submit` sends its input values. The service turns these into the same
 * composeExtension invokes Teams sends (POST /api/dev/chat/message-action).
 */
export async function messageAction(
  getToken: TokenSource,
  message: ChatMessage,
  step: { kind: 'fetch' } | { kind: 'submit'; data: unknown },
): Promise<TaskStep> {
  const body = {
    step: step.kind,
    message: { id: message.id, text: message.text ?? '', author: message.author },
    ...(step.kind === 'submit' ? { data: flatStrings(step.data) } : {}),
  };
  const result = await request({ getToken }, 'POST', '/api/dev/chat/message-action', TaskAnswer, body);
  if (result.status >= 400 || !result.body) throw new ActionRefused(result.status);
  const { task } = result.body;
  return task.type === 'continue'
    ? { kind: 'dialog', ...(task.value.title ? { title: task.value.title } : {}), card: task.value.card.content }
    : { kind: 'message', text: task.value };
}

export type MeetingEvent = 'meeting/start' | 'meeting/end' | 'clock/advance-to-prompt';

/** Any JSON (or none): the chat shows the outcome, so the answer only has to be a success. */
const Anything = z.unknown();

/** The clock route says where the service's clock now stands and which prompts it posted. */
const ClockAdvanced = z.object({ now: z.string(), prompts: z.array(z.string()).optional() });

/** After the clock moved: where it stands now, and whether a prompt was due and posted. */
export interface ClockOutcome {
  now: string;
  prompted: boolean;
}

/** Sends the event; for the clock, what happened (nothing may have been due). */
export async function sendMeetingEvent(event: MeetingEvent): Promise<ClockOutcome | undefined> {
  const answer = await request({}, 'POST', `/api/dev/${event}`, Anything, {});
  const clock = event === 'clock/advance-to-prompt' ? ClockAdvanced.safeParse(answer).data : undefined;
  return clock && { now: clock.now, prompted: Boolean(clock.prompts?.length) };
}

/** A chat message to the bot from the dev member whose token is given. */
export async function sendChatMessage(getToken: TokenSource, text: string): Promise<void> {
  await request({ getToken }, 'POST', '/api/dev/chat/message', Anything, { text });
}
