import { ActivityTypes, type TurnContext } from 'botbuilder';
import { TEXT_LIMITS } from '../../../domain/entities.js';
import { DomainError, Forbidden } from '../../../domain/errors.js';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import { noticeCard } from '../cards/noticeCard.js';
import { promptCard, type PromptView } from '../cards/promptCard.js';
import { PROMPT_INPUTS } from '../cards/verbs.js';
import { requireMember } from '../commands/access.js';
import { editActionItem } from '../commands/actionItems.js';
import { addTopic } from '../commands/topics.js';
import { errorMessage } from '../i18n/errorWords.js';
import type { Translator } from '../i18n/translator.js';
import type { Caller } from '../identity/index.js';
import type { ChatBinding } from '../store/botStore.js';
import { promptViewFor, splitRecords } from '../views/promptView.js';
import { AddTopicData, CardData, CompleteActionItemData, parseCardData, topicIdFromCard } from '../rules/cardData.js';
import { callerOf, tenantOf } from './activity.js';
import { botbuilderChat } from './botbuilderChat.js';
import { readerOf, rememberChatLocale } from './chatLocale.js';
import { seriesOfChat, type BotRuntime } from './runtime.js';

/**
 * Action.Execute handlers of the pre-meeting prompt card (Universal
 * Actions). Each acts as the person who pressed the button — the activity's
 * Entra object id, checked for membership by the same command the panel
 * uses — and answers with the refreshed card, in the presser's language
 * (`activity.locale`). The refreshed card (without the personal notice) also
 * replaces the chat message for everyone.
 */
export async function onAddTopic(rt: BotRuntime, context: TurnContext, raw: unknown): Promise<AdaptiveCard> {
  return respond(
    rt,
    context,
    async (caller, t) => {
      const data = parseCardData(AddTopicData, raw);
      const text = (data[PROMPT_INPUTS.topicText] ?? '').trim();
      if (text === '') {
        await requireMember(rt.ctx(), caller, data.seriesId);
        return { notice: { text: t.t('bot.prompt.writeFirst'), tone: 'error' } };
      }
      if (text.length > TEXT_LIMITS.topic) {
        await requireMember(rt.ctx(), caller, data.seriesId);
        return { notice: { text: topicTooLong(text.length, t), tone: 'error' } };
      }
      const id = topicIdFromCard(data.promptId, caller.userId, text);
      const before = (await rt.ctx().store.records.read(data.seriesId, id))?.record;
      // A deleted one is brought back by addTopic: for the presser that is an add, not "already there".
      const already = before?.type === 'topic' && !before.deletedAt;
      const topic = await addTopic(
        rt.ctx(),
        caller,
        data.seriesId,
        { id, text, ...(data[PROMPT_INPUTS.category] ? { category: data[PROMPT_INPUTS.category] } : {}) },
        'server',
      );
      return {
        notice: {
          text: t.t(already ? 'bot.prompt.already' : 'bot.prompt.added', { topic: topic.text }),
          tone: 'info',
        },
        changed: !already,
      };
    },
    raw,
  );
}

/** Never cut: the person is told and shortens it themselves (the panel can hold the longer text as a note). */
export function topicTooLong(length: number, t: Translator): string {
  return t.t('bot.prompt.tooLong', { length, max: TEXT_LIMITS.topic });
}

export async function onCompleteActionItem(rt: BotRuntime, context: TurnContext, raw: unknown): Promise<AdaptiveCard> {
  return respond(
    rt,
    context,
    async (caller, t) => {
      const data = parseCardData(CompleteActionItemData, raw);
      const item = await editActionItem(rt.ctx(), caller, data.seriesId, data.actionItemId, { done: true });
      return { notice: { text: t.t('bot.prompt.markedDone', { item: item.text }), tone: 'info' }, changed: true };
    },
    raw,
  );
}

export async function onRefreshPrompt(rt: BotRuntime, context: TurnContext, raw: unknown): Promise<AdaptiveCard> {
  return respond(
    rt,
    context,
    async (caller) => {
      const data = parseCardData(CardData, raw);
      await requireMember(rt.ctx(), caller, data.seriesId);
      return {};
    },
    raw,
    // Teams refreshes the card whenever a member looks at it: that says nothing about the chat's language.
    { passive: true },
  );
}

interface Outcome {
  notice?: PromptView['notice'];
  /** The shared card changed for everyone (not just a notice for the presser). */
  changed?: boolean;
}

/**
 * Runs one card action and answers the invoke. A non-member, or a card whose
 * data is not ours, gets an error card and nothing is written or shown; a
 * member gets the refreshed prompt card, with an error line when the action
 * was refused for a reason they can fix.
 */
async function respond(
  rt: BotRuntime,
  context: TurnContext,
  act: (caller: Caller, t: Translator) => Promise<Outcome>,
  raw: unknown,
  { passive = false }: { passive?: boolean } = {},
): Promise<AdaptiveCard> {
  const t = readerOf(context.activity);
  const caller = callerOf(context.activity);
  if (!caller) return sendInvokeCard(context, noticeCard(t.t('bot.card.whoPressed'), 'error'));
  // A card acts only on the 1:1 bound to the chat it was pressed in: data naming another 1:1
  // (even one the presser belongs to) would show or change it in front of this chat's people.
  const named = CardData.safeParse(raw).data?.seriesId;
  const bound = await seriesOfChat(rt, context.activity.conversation?.id ?? '', tenantOf(context.activity));
  if (named !== undefined && named !== bound?.id)
    return sendInvokeCard(context, noticeCard(t.t('bot.card.otherChat'), 'error'));
  let outcome: Outcome;
  try {
    outcome = await act(caller, t);
  } catch (error) {
    if (error instanceof Forbidden || !(error instanceof DomainError)) {
      if (!(error instanceof DomainError)) rt.logger.error({ err: error }, 'card action failed');
      const message = error instanceof DomainError ? errorMessage(t, error) : t.t('bot.error.internal');
      return sendInvokeCard(context, noticeCard(message, 'error'));
    }
    outcome = { notice: { text: errorMessage(t, error), tone: 'error' } };
  }
  const seriesId = CardData.safeParse(raw).data?.seriesId;
  const shared = seriesId && (await currentPromptCard(rt, seriesId, t));
  if (!shared) return sendInvokeCard(context, noticeCard(t.t('bot.card.gone'), 'error'));
  if (!passive) await rememberChatLocale(rt, shared.binding, context.activity);
  if (outcome.changed && context.activity.replyToId) {
    await botbuilderChat(context).updateCard(context.activity.replyToId, shared.card);
  }
  const personal = outcome.notice ? promptCard({ ...shared.view, notice: outcome.notice }, t) : shared.card;
  return sendInvokeCard(context, personal);
}

/**
 * The prompt card as it should look now (the series' current meeting, its
 * agenda and open items), in the presser's words: the shared message takes
 * the language of the last person who acted on it.
 */
async function currentPromptCard(
  rt: BotRuntime,
  seriesId: string,
  t: Translator,
): Promise<{ view: PromptView; card: AdaptiveCard; binding: ChatBinding | undefined } | undefined> {
  const state = splitRecords(await rt.ctx().store.records.loadSeries(seriesId));
  if (!state) return undefined;
  const binding = await rt.botStore.chatBinding(seriesId);
  const view = promptViewFor(state, state.series.currentMeetingId, binding?.members ?? []);
  return view && { view, card: promptCard(view, t), binding };
}

/**
 * Answers the invoke ourselves (status 200, card body), so teams-ai does not
 * also update the message with the presser's personal notice.
 */
async function sendInvokeCard(context: TurnContext, card: AdaptiveCard): Promise<AdaptiveCard> {
  await context.sendActivity({
    type: ActivityTypes.InvokeResponse,
    value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } },
  });
  return card;
}
