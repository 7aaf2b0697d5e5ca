import type { Member, Series } from '../../../domain/entities.js';
import { isActiveMember } from '../../../domain/membership.js';
import type { CommandContext } from './context.js';

/**
 * Brings the per-user index of 1:1s in line with a series as committed: an
 * entry for each member who is in the 1:1's chat, none for anyone who left it
 * (the list shows the title and both names, which only members may read).
 * The effects processor runs it for the `userIndex` effect that every change
 * of a series' members commits with that change (commit.ts), so a failed
 * write fails the effect and is retried, never only logged. It writes the
 * whole entry each time, so a repeat, a replay or a retry after a half-done
 * run all end in the same index. Readers still check the series' members
 * (listMySeries, home.ts): the index is a copy and may lag.
 *
 * @param formerMembers members before the change; those no longer in the series lose their entry.
 */
export async function writeUserIndex(
  ctx: Pick<CommandContext, 'store' | 'clock'>,
  series: Series,
  formerMembers: readonly Pick<Member, 'userId'>[] = [],
): Promise<void> {
  const current = new Set(series.members.map((m) => m.userId));
  const gone = formerMembers.filter((m) => !current.has(m.userId));
  const listed = series.deletedAt ? [] : series.members.filter((m) => isActiveMember(series, m.userId));
  const unlisted = series.members.filter((m) => !listed.includes(m));
  const now = ctx.clock.now().toISOString();
  await Promise.all([
    ...unlisted.map((m) => ctx.store.userSeries.remove(m.userId, series.id)),
    ...listed.map((member) =>
      ctx.store.userSeries.put({
        id: series.id,
        userId: member.userId,
        tenantId: series.tenantId,
        seriesId: series.id,
        chatId: series.chatId,
        title: series.title,
        role: member.role,
        members: series.members,
        updatedAt: now,
      }),
    ),
    ...gone.map((m) => ctx.store.userSeries.remove(m.userId, series.id)),
  ]);
}

/**
 * Fills the index from the series records when it is empty: a store written
 * before the index existed lists nobody's 1:1s otherwise. One cross-partition
 * read of the series records, once, at start-up; instances racing each other
 * write the same entries. Returns how many series were indexed.
 */
export async function backfillUserIndexIfEmpty(ctx: CommandContext): Promise<number> {
  if (!(await ctx.store.userSeries.isEmpty())) return 0;
  const series = await ctx.store.records.queryAcrossSeries('SELECT * FROM c WHERE c.type = "series"', []);
  for (const record of series) if (record.type === 'series') await writeUserIndex(ctx, record);
  if (series.length > 0) ctx.logger.info({ series: series.length }, 'user index filled from existing 1:1s');
  return series.length;
}
