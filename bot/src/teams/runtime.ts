import type { Series } from '../../../domain/entities.js';
import { seriesIdForChat } from '../../../domain/series.js';
import type { Clock } from '../clock.js';
import type { CommandContext } from '../commands/context.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { BotStore } from '../store/botStore.js';

/** What every Teams feature handler works with; built once per service, no module-level state. */
export interface BotRuntime {
  config: Config;
  ctx: () => CommandContext;
  botStore: BotStore;
  logger: Logger;
  clock: Clock;
  /** "Open the 1:1 panel" link for a chat, if one can be made. */
  panelUrl(chatId: string): string | undefined;
}

/** The 1:1 bound to a Teams chat, if the app was set up there (and for this tenant). */
export async function seriesOfChat(
  rt: BotRuntime,
  chatId: string,
  tenantId: string | undefined,
): Promise<Series | undefined> {
  const id = seriesIdForChat(chatId);
  const stored = await rt.ctx().store.records.read(id, id);
  const record = stored?.record;
  if (!record || record.type !== 'series' || record.deletedAt || record.tenantId !== tenantId) return undefined;
  return record;
}
