import { CardFactory, type TaskModuleTaskInfo, type TurnContext } from 'botbuilder';
import { z } from 'zod/v4';
import { RecordId, TEXT_LIMITS, TopicCategory } from '../../../domain/entities.js';
import { DomainError, Forbidden } from '../../../domain/errors.js';
import { derivedId, fnv1a64 } from '../../../domain/ids.js';
import {
  ADD_TO_AGENDA_INPUTS,
  addToAgendaCard,
  addToAgendaNoticeCard,
  type AddToAgendaView,
} from '../cards/addToAgendaCard.js';
import { requireMember } from '../commands/access.js';
import { putSharedNote } from '../commands/notes.js';
import { listMySeries } from '../commands/panel.js';
import { addTopic } from '../commands/topics.js';
import { errorMessage } from '../i18n/errorWords.js';
import type { Translator } from '../i18n/translator.js';
import type { Caller } from '../identity/index.js';
import { callerOf } from './activity.js';
import { readerOf } from './chatLocale.js';
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

function dialog(view: AddToAgendaView, t: Translator): TaskModuleTaskInfo {
  return {
    title: t.t('bot.addToAgenda.title'),
    width: 'medium',
    height: 'medium',
    card: CardFactory.adaptiveCard(addToAgendaCard(view, t)),
  };
}

/** Opening the action must answer a dialog (a `continue` task) in every case: a bare message is refused there. */
function noticeDialog(text: string, t: Translator): TaskModuleTaskInfo {
  return {
    title: t.t('bot.addToAgenda.title'),
    width: 'medium',
    height: 'small',
    card: CardFactory.adaptiveCard(addToAgendaNoticeCard(text, t)),
  };
}

/** The dialog and its answers speak the presser's language (`activity.locale`). */
export async function onFetchAddToAgenda(rt: BotRuntime, context: TurnContext): Promise<TaskModuleTaskInfo> {
  const t = readerOf(context.activity);
  const caller = callerOf(context.activity);
  if (!caller) return noticeDialog(t.t('bot.addToAgenda.whoAreYou'), t);
  const choices = await dialogView(rt, caller);
  if (choices.length === 0) return noticeDialog(t.t('bot.addToAgenda.noSeries'), t);
  const text = messageText(payloadOf(context));
  const fits = text.length <= TEXT_LIMITS.topic;
  return dialog(
    {
      choices,
      // The prefill is a starting point the person edits; a long message is cut here, and said so.
      text: fits ? text : `${text.slice(0, TEXT_LIMITS.topic - 1)}…`,
      ...(fits ? {} : { notice: { text: t.t('bot.addToAgenda.cut', { max: TEXT_LIMITS.topic }), tone: 'info' } }),
    },
    t,
  );
}

/**
 * One message, one person, one agenda: one topic, so a retried or repeated
 * submit adds it once, and adding it again after a delete brings it back
 * (addTopic revives server ids). The meeting is part of it, so the same
 * message added after that meeting ended is a new topic on the next agenda.
 * A server-derived id ("msg~…"): clients may not choose it (ids.ts), so the
 * other member cannot create the topic first with words of their own.
 */
export function topicIdFromMessage(messageKey: string, userId: string, seriesId: string, meetingId: string): string {
  return derivedId('msg', fnv1a64(`${messageKey}\n${userId}\n${seriesId}\n${meetingId}`));
}

export async function onSubmitAddToAgenda(
  rt: BotRuntime,
  context: TurnContext,
  raw: unknown,
): Promise<TaskModuleTaskInfo | string> {
  const t = readerOf(context.activity);
  const caller = callerOf(context.activity);
  if (!caller) return t.t('bot.addToAgenda.whoAreYou');
  const parsed = SubmitData.safeParse(raw);
  if (!parsed.success) return t.t('bot.addToAgenda.outdated');
  const data = parsed.data;
  const text = data[ADD_TO_AGENDA_INPUTS.text].trim();
  const seriesId = data[ADD_TO_AGENDA_INPUTS.seriesId];
  const category = data[ADD_TO_AGENDA_INPUTS.category];
  const again = async (notice: string) =>
    dialog(
      {
        choices: await dialogView(rt, caller),
        text,
        selectedSeriesId: seriesId,
        category,
        notice: { text: notice, tone: 'error' },
      },
      t,
    );
  if (text === '') return again(t.t('bot.topic.required'));
  if (text.length > TEXT_LIMITS.topic) {
    return again(t.t('bot.addToAgenda.tooLong', { max: TEXT_LIMITS.topic, length: text.length }));
  }

  const payload = payloadOf(context);
  try {
    const { series } = await requireMember(rt.ctx(), caller, seriesId);
    const messageKey = payload.id ?? payload.linkToMessage ?? text;
    const id = topicIdFromMessage(messageKey, caller.userId, seriesId, series.currentMeetingId);
    const topic = await addTopic(rt.ctx(), caller, seriesId, { id, text, category }, 'server');
    if (payload.linkToMessage) {
      const author = payload.from?.user?.displayName;
      const link = payload.linkToMessage;
      // The note is the presser's own text from then on, in their words, like a note they typed.
      await putSharedNote(rt.ctx(), caller, seriesId, topic.id, {
        text: author
          ? t.t('bot.addToAgenda.noteFrom', { author, link })
          : t.t('bot.addToAgenda.noteFromMessage', { link }),
      });
    }
    return t.t('bot.addToAgenda.added', { topic: topic.text });
  } catch (error) {
    if (error instanceof Forbidden) return t.t('bot.addToAgenda.notMember');
    if (error instanceof DomainError) return again(errorMessage(t, error));
    rt.logger.error({ err: error }, 'add to agenda failed');
    return t.t('bot.error.internal');
  }
}
