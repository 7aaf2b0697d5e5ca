import type { Member, Series } from '../../../domain/entities.js';
import { isActiveMember } from '../../../domain/membership.js';
import type { CommandContext } from './context.js';

/**
 * Keeps the per-user index of 1:1s in step with a series' members: an entry
 * for each member who is in the 1:1's chat, none for anyone who left it (the
 * list shows the title and both names, which only members may read). Every
 * command that creates a series or changes its members calls this after its
 * own write (series creation here; the chat's membersAdded/membersRemoved
 * handling in membership.ts).
 * It writes the whole entry each time, so a repeat, a replay or a retry
 * after a half-done run all end in the same index. A failed index write is
 * logged, never undoes the series change: the next call repairs it.
 *
 * @param formerMembers members before the change; those no longer in the series lose their entry.
 */
export async function indexSeriesMembers(
  ctx: CommandContext,
  series: Series,
  formerMembers: readonly Pick<Member, 'userId'>[] = [],
): Promise<void> {
  const current = new Set(series.members.map((m) => m.userId));
  const gone = formerMembers.filter((m) => !current.has(m.userId));
  const listed = series.deletedAt ? [] : series.members.filter((m) => isActiveMember(series, m.userId));
  const unlisted = series.members.filter((m) => !listed.includes(m));
  const now = ctx.clock.now().toISOString();
  try {
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
  } catch (error) {
    ctx.logger.error({ err: error, seriesId: series.id }, 'user index update failed');
  }
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
  for (const record of series) if (record.type === 'series') await indexSeriesMembers(ctx, record);
  if (series.length > 0) ctx.logger.info({ series: series.length }, 'user index filled from existing 1:1s');
  return series.length;
}
