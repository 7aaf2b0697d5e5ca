import type { Effect } from '../../../domain/effects.js';
import type { AdaptiveCard } from '../cards/adaptiveCard.js';
import { skippedNudgeCard } from '../cards/noticeCard.js';
import { promptCard } from '../cards/promptCard.js';
import { summaryCard } from '../cards/summaryCard.js';
import { translatorFor } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import type { ChatBinding } from '../store/botStore.js';
import type { Store } from '../store/index.js';
import { narrativeRequest, tidyNarrative, type NarrativeWriter } from '../summary/narrativePrompt.js';
import {
  promptStillOpen,
  promptViewFor,
  secondSkipInARow,
  splitRecords,
  upcomingMeeting,
} from '../views/promptView.js';
import { summaryViewFor } from '../views/summaryView.js';
import { loadSummaryRecords } from '../summary/summaryRecords.js';

/**
 * The card a card effect posts, decided when it runs from the series as
 * stored then: the summary of an ended meeting, the prompt of a meeting
 * still to come, the nudge after a second skip in a row. `drop` means
 * nothing is owed any more (never held, already started, not the second
 * skip); `later` means the prompt's meeting moved and its prompt is due then.
 */
export type CardDecision = { card: AdaptiveCard } | { drop: string } | { later: Date };

export interface CardDeps {
  store: Store;
  logger: Logger;
  narrative?: NarrativeWriter;
  leadMs: number;
  panelUrl(chatId: string): string | undefined;
}

export async function decideCard(
  deps: CardDeps,
  effect: Effect,
  binding: ChatBinding,
  now: Date,
): Promise<CardDecision> {
  // The summary reads what it shows, bounded by the health window (summary/summaryRecords.ts), not the history.
  const records =
    effect.kind === 'summary'
      ? await loadSummaryRecords(deps.store.records, effect.seriesId, effect.subject, undefined, now)
      : await deps.store.records.loadSeries(effect.seriesId);
  const state = splitRecords(records);
  if (!state) return { drop: 'series gone' };
  // Posted into the chat, answering nobody: in the language the chat last spoke to the bot in.
  const t = translatorFor(binding.locale);
  const meeting = state.meetings.find((m) => m.id === effect.subject);
  switch (effect.kind) {
    case 'summary': {
      const view = summaryViewFor({
        records,
        endedMeetingId: effect.subject,
        ...(meeting?.nextMeeting ? { nextMeetingId: meeting.nextMeeting.id } : {}),
        now,
        ...withPanel(deps.panelUrl(state.series.chatId)),
      });
      // A meeting that was never held gets no summary card.
      if (!view) return { drop: 'the meeting was not held' };
      const narrative = await writeNarrative(deps, view, t.locale.messages);
      return { card: summaryCard({ ...view, ...(narrative ? { narrative } : {}) }, t) };
    }
    case 'prompt': {
      if (!meeting || meeting.deletedAt) return { drop: 'meeting gone' };
      if (!promptStillOpen(state, meeting.id)) return { drop: `meeting ${meeting.status}` };
      const start = Date.parse(meeting.scheduledStart);
      if (start <= now.getTime()) return { drop: 'meeting time passed' };
      if (start - deps.leadMs > now.getTime()) return { later: new Date(start - deps.leadMs) };
      const view = promptViewFor(state, meeting.id, binding.members);
      return view ? { card: promptCard(view, t) } : { drop: 'nothing to ask' };
    }
    case 'nudge': {
      if (!meeting || !secondSkipInARow(state.meetings, meeting)) return { drop: 'not a second skip in a row' };
      const next = upcomingMeeting(state, now);
      return { card: skippedNudgeCard(next ? { nextMeeting: next.scheduledStart } : {}, t) };
    }
    case 'userIndex':
      return { drop: 'not a card' };
  }
}

function withPanel(panelUrl: string | undefined): { panelUrl?: string } {
  return panelUrl ? { panelUrl } : {};
}

/** The narrative is a nicety: a slow or failing model never holds back the summary. */
async function writeNarrative(
  deps: CardDeps,
  view: Parameters<typeof narrativeRequest>[0],
  language: string,
): Promise<string | undefined> {
  if (!deps.narrative) return undefined;
  try {
    const text = await deps.narrative.write(narrativeRequest(view, language));
    return text === undefined ? undefined : tidyNarrative(text);
  } catch (error) {
    deps.logger.warn(
      { err: error instanceof Error ? error.message : 'unknown' },
      'AI narrative failed; posting the summary without it',
    );
    return undefined;
  }
}
