import type { SharedRecord } from '../../../domain/entities.js';
import type { Clock } from '../clock.js';
import { summaryCard } from '../cards/summaryCard.js';
import type { LifecycleListener } from '../commands/context.js';
import { translatorFor } from '../i18n/translator.js';
import type { Logger } from '../logger.js';
import type { BotStore } from '../store/botStore.js';
import type { ChatPoster } from '../scheduler/chatPoster.js';
import { recordSent } from '../scheduler/recordSent.js';
import type { RecordRepository } from '../store/recordStore.js';
import { narrativeRequest, tidyNarrative, type NarrativeRequest } from './narrativePrompt.js';
import { summaryViewFor } from '../views/summaryView.js';
import { loadSummaryRecords } from './summaryRecords.js';

/** Writes the optional AI narrative; undefined when no model is configured or it had nothing to say. */
export interface NarrativeWriter {
  write(request: NarrativeRequest): Promise<string | undefined>;
}

export interface SummaryDeps {
  records: RecordRepository<SharedRecord>;
  botStore: BotStore;
  poster: ChatPoster;
  narrative?: NarrativeWriter;
  clock: Clock;
  logger: Logger;
  instanceId: string;
  panelUrl(chatId: string): string | undefined;
}

export interface SummaryPoster {
  /** For the command context: posts the summary after a meeting was held and ended. */
  listener: LifecycleListener;
  /** Posts summaries whose first post failed; the scheduler calls it on every tick. Answers the meeting ids posted. */
  retryPending(): Promise<string[]>;
}

/**
 * After a meeting was held and ended (from Teams' meeting-end event or the
 * panel's End button: both run the same close command), post the summary
 * card in the meeting chat, once and never lost:
 *  - the close writes a pending delivery before the series moves on
 *    (`meetingClosing`), so a summary is owed even if the process dies next;
 *  - posting claims it (an ETag-guarded write: one instance posts), then
 *    marks it sent with retries that never give a posted card back;
 *  - the scheduler's tick posts any delivery still pending (a failed post,
 *    a crash before posting, an instance that died holding the claim).
 */
export function summaryPoster(deps: SummaryDeps): SummaryPoster {
  async function post(seriesId: string, endedMeetingId: string, nextMeetingId: string | undefined): Promise<boolean> {
    const binding = await deps.botStore.chatBinding(seriesId);
    if (!binding) return false;
    const now = deps.clock.now();
    const claim = await deps.botStore.claim(
      { seriesId, kind: 'summary', meetingId: endedMeetingId },
      deps.instanceId,
      now,
    );
    if (!claim) return false;
    // Bounded by the health window: an end reads as much after years of 1:1s as after a few.
    const records = await loadSummaryRecords(deps.records, seriesId, endedMeetingId, nextMeetingId, now);
    const series = records.find((r) => r.type === 'series');
    const view = summaryViewFor({
      records,
      endedMeetingId,
      ...(nextMeetingId ? { nextMeetingId } : {}),
      now,
      ...withPanel(series?.type === 'series' ? deps.panelUrl(series.chatId) : undefined),
    });
    if (!view) {
      // A meeting that was never held gets no summary card.
      await deps.botStore.abandon(claim, 'the meeting was not held');
      return false;
    }
    // Posted into the chat, answering nobody: in the language the chat last spoke to the bot in.
    const t = translatorFor(binding.locale);
    let activityId: string | undefined;
    try {
      const narrative = await writeNarrative(deps, view, t.locale.messages);
      activityId = await deps.poster.post(binding, summaryCard({ ...view, ...(narrative ? { narrative } : {}) }, t));
    } catch (error) {
      // Not posted: give the claim back so the next tick tries again.
      await deps.botStore.release(claim, error instanceof Error ? error.message : String(error));
      throw error;
    }
    await recordSent(deps, claim, activityId);
    return true;
  }

  return {
    listener: {
      async meetingClosing(seriesId, { closed }) {
        if (closed.status === 'ended') {
          await deps.botStore.ensurePending({ seriesId, kind: 'summary', meetingId: closed.id });
        }
      },
      async meetingEnded(seriesId, ended) {
        await post(seriesId, ended.closed.id, ended.next.id);
      },
    },
    async retryPending() {
      const posted: string[] = [];
      for (const delivery of await deps.botStore.retryable('summary', deps.clock.now())) {
        const ended = (await deps.records.read(delivery.seriesId, delivery.meetingId))?.record;
        const next = ended?.type === 'meeting' ? ended.nextMeeting?.id : undefined;
        try {
          if (await post(delivery.seriesId, delivery.meetingId, next)) posted.push(delivery.meetingId);
        } catch (error) {
          deps.logger.warn({ err: error, seriesId: delivery.seriesId }, 'summary retry failed');
        }
      }
      return posted;
    },
  };
}

function withPanel(panelUrl: string | undefined): { panelUrl?: string } {
  return panelUrl ? { panelUrl } : {};
}

/** The narrative is a nicety: a slow or failing model never holds back the summary. */
async function writeNarrative(
  deps: SummaryDeps,
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
