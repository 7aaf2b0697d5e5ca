import type { MeetingEnded } from '../../../domain/carryOver.js';
import type { SharedRecord } from '../../../domain/entities.js';
import type { Clock } from '../clock.js';
import { summaryCard } from '../cards/summaryCard.js';
import type { LifecycleListener } from '../commands/context.js';
import type { Logger } from '../logger.js';
import type { BotStore } from '../scheduler/botStore.js';
import type { ChatPoster } from '../scheduler/chatPoster.js';
import type { RecordRepository } from '../store/recordStore.js';
import { narrativeRequest, tidyNarrative, type NarrativeRequest } from './narrativePrompt.js';
import { summaryViewFor } from './summaryView.js';

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

/**
 * After a meeting ends (from Teams' meeting-end event or the panel's End
 * button: both run the same endMeeting command), post the summary card in
 * the meeting chat, once: the delivery claim keeps a retried end or a second
 * instance from posting it again.
 */
export function summaryPoster(deps: SummaryDeps): LifecycleListener {
  return {
    async meetingEnded(seriesId: string, ended: MeetingEnded) {
      const binding = await deps.botStore.chatBinding(seriesId);
      if (!binding) return;
      const now = deps.clock.now();
      const records = await deps.records.loadSeries(seriesId);
      const view = summaryViewFor({
        records,
        endedMeetingId: ended.endedMeeting.id,
        nextMeetingId: ended.nextMeeting.id,
        now,
        ...withPanel(deps.panelUrl(ended.series.chatId)),
      });
      if (!view) return;
      const claim = await deps.botStore.claim(
        { seriesId, kind: 'summary', meetingId: ended.endedMeeting.id },
        deps.instanceId,
        now,
      );
      if (!claim) return;
      try {
        const narrative = await writeNarrative(deps, view);
        const activityId = await deps.poster.post(
          binding,
          summaryCard({ ...view, ...(narrative ? { narrative } : {}) }),
        );
        await deps.botStore.complete(claim, activityId, deps.clock.now());
      } catch (error) {
        await deps.botStore.release(claim, error instanceof Error ? error.message : String(error));
        throw error;
      }
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
): Promise<string | undefined> {
  if (!deps.narrative) return undefined;
  try {
    const text = await deps.narrative.write(narrativeRequest(view));
    return text === undefined ? undefined : tidyNarrative(text);
  } catch (error) {
    deps.logger.warn(
      { err: error instanceof Error ? error.message : 'unknown' },
      'AI narrative failed; posting the summary without it',
    );
    return undefined;
  }
}
