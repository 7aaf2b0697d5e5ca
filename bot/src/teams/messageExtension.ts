import { CardFactory, type TaskModuleTaskInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { RecordId, TEXT_LIMITS, TopicCategory } from '../../../domain/entities.js';
import { DomainError, Forbidden } from '../../../domain/errors.js';
import { fnv1a64 } from '../../../domain/ids.js';
import { ADD_TO_AGENDA_INPUTS, addToAgendaCard, type AddToAgendaView } from '../cards/addToAgendaCard.js';
import { putSharedNote } from '../commands/notes.js';
import { listMySeries } from '../commands/panel.js';
import { addTopic } from '../commands/topics.js';
import type { Caller } from '../identity/index.js';
import { callerOf } from './activity.js';
import type { BotRuntime } from './runtime.js';

/**
 * "Add to 1:1 agenda" on any Teams message (an action command with a
 * fetched dialog). The dialog lists the presser's own 1:1s from the per-user
 * index; the submit adds the topic as the presser through the same addTopic
 * command the panel uses (membership checked there, published live), and
 * the link to the message as the presser's shared note on it.
 */
export const ADD_TO_AGENDA_COMMAND = 'addToAgenda';

/** What Teams sends about the message the action was started from (read defensively). */
const MessagePayload = z.looseObject({
  id: z.string().max(256).optional(),
  body: z.looseObject({ contentType: z.string().optional(), content: z.string().optional() }).optional(),
  linkToMessage: z
    .url({ protocol: /^https$/ })
    .max(2048)
    .optional()
    .catch(undefined),
  from: z.looseObject({ user: z.looseObject({ displayName: z.string().optional() }).optional() }).optional(),
});
type MessagePayload = z.infer<typeof MessagePayload>;

const SubmitData = z.object({
  [ADD_TO_AGENDA_INPUTS.seriesId]: RecordId,
  [ADD_TO_AGENDA_INPUTS.category]: TopicCategory.catch('work'),
  [ADD_TO_AGENDA_INPUTS.text]: z.string().max(100_000),
});

function payloadOf(context: TurnContext): MessagePayload {
  const value: unknown = context.activity.value;
  const raw = typeof value === 'object' && value !== null ? (value as { messagePayload?: unknown }).messagePayload : {};
  return MessagePayload.catch({}).parse(raw ?? {});
}

/** A Teams message body as plain text: HTML tags dropped, common entities decoded, whitespace tidied. */
export function messageText(payload: MessagePayload): string {
  const content = payload.body?.content ?? '';
  const html = payload.body?.contentType !== 'text';
  const text = html
    ? content
        .replace(/<br\s*\/?>|<\/(p|div|li)>/gi, '\n')
        .replace(/<[^>]*>/g, '')
        .replace(/&nbsp;/g, ' ')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&#39;/g, "'")
        .replace(/&amp;/g, '&')
    : content;
  return text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

async function dialogView(rt: BotRuntime, caller: Caller): Promise<AddToAgendaView['choices']> {
  const { series } = await listMySeries(rt.ctx(), caller);
  return series.map((s) => ({
    seriesId: s.id,
    title: s.title,
    otherName: s.members.find((m) => m.userId !== caller.userId)?.name ?? s.title,
  }));
}

function dialog(view: AddToAgendaView): TaskModuleTaskInfo {
  return {
    title: 'Add to 1:1 agenda',
    width: 'medium',
    height: 'medium',
    card: CardFactory.adaptiveCard(addToAgendaCard(view)),
  };
}

export async function onFetchAddToAgenda(rt: BotRuntime, context: TurnContext): Promise<TaskModuleTaskInfo | string> {
  const caller = callerOf(context.activity);
  if (!caller) return 'We could not tell who you are. Open this from Teams and try again.';
  const choices = await dialogView(rt, caller);
  if (choices.length === 0) {
    return 'You have no 1:1s yet. Add 1:1 Companion to the meeting chat of a 1:1 first, then add messages to its agenda.';
  }
  const text = messageText(payloadOf(context));
  const fits = text.length <= TEXT_LIMITS.topic;
  return dialog({
    choices,
    // The prefill is a starting point the person edits; a long message is cut here, and said so.
    text: fits ? text : `${text.slice(0, TEXT_LIMITS.topic - 1)}…`,
    ...(fits
      ? {}
      : {
          notice: {
            text: `The message is longer than ${TEXT_LIMITS.topic} characters: keep what matters.`,
            tone: 'info',
          },
        }),
  });
}

/** One message, one person, one 1:1: one topic, so a retried or repeated submit adds it once. */
export function topicIdFromMessage(messageKey: string, userId: string, seriesId: string): string {
  return `msg-${fnv1a64(`${messageKey}\n${userId}\n${seriesId}`)}`;
}

export async function onSubmitAddToAgenda(
  rt: BotRuntime,
  context: TurnContext,
  raw: unknown,
): Promise<TaskModuleTaskInfo | string> {
  const caller = callerOf(context.activity);
  if (!caller) return 'We could not tell who you are. Open this from Teams and try again.';
  const parsed = SubmitData.safeParse(raw);
  if (!parsed.success) return 'This dialog is out of date. Close it and start "Add to 1:1 agenda" again.';
  const data = parsed.data;
  const text = data[ADD_TO_AGENDA_INPUTS.text].trim();
  const seriesId = data[ADD_TO_AGENDA_INPUTS.seriesId];
  const category = data[ADD_TO_AGENDA_INPUTS.category];
  const again = async (notice: string) =>
    dialog({
      choices: await dialogView(rt, caller),
      text,
      selectedSeriesId: seriesId,
      category,
      notice: { text: notice, tone: 'error' },
    });
  if (text === '') return again('Write the topic first.');
  if (text.length > TEXT_LIMITS.topic) {
    return again(
      `A topic can be at most ${TEXT_LIMITS.topic} characters; this one has ${text.length}. Shorten it and add it again.`,
    );
  }

  const payload = payloadOf(context);
  const id = topicIdFromMessage(payload.id ?? payload.linkToMessage ?? text, caller.userId, seriesId);
  try {
    const topic = await addTopic(rt.ctx(), caller, seriesId, { id, text, category });
    if (payload.linkToMessage) {
      const author = payload.from?.user?.displayName;
      await putSharedNote(rt.ctx(), caller, seriesId, topic.id, {
        text: `From a Teams message${author ? ` by ${author}` : ''}: ${payload.linkToMessage}`,
      });
    }
    return `Added to the agenda of your next 1:1: ${topic.text}`;
  } catch (error) {
    if (error instanceof Forbidden) return 'You can add topics only to the 1:1s you are part of.';
    if (error instanceof DomainError) return again(error.message);
    rt.logger.error({ err: error }, 'add to agenda failed');
    return 'Something went wrong on our side. Please try again.';
  }
}
