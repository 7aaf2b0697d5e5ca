import type { Container, ItemDefinition } from '@azure/cosmos';
import { z } from 'zod/v4';
import { IsoDateTime, Member, RecordId, Role, UserId } from '../../../domain/entities.js';
import { cosmosStatus } from './errors.js';

/**
 * One entry per (person, 1:1) in the `userSeries` container, partitioned by
 * the person's user id: listing someone's 1:1s is one single-partition query
 * instead of a scan of every series. It holds what a list needs to show
 * (title, the two members' names and roles) and never any note or topic text.
 */
export const UserSeriesEntry = z.strictObject({
  /** The series id: one entry per series within a person's partition. */
  id: RecordId,
  userId: UserId,
  tenantId: z.string().min(1).max(64),
  seriesId: RecordId,
  chatId: z.string().min(1).max(256),
  title: z.string().max(200),
  role: Role,
  members: z.array(Member).length(2),
  updatedAt: IsoDateTime,
});
export type UserSeriesEntry = z.infer<typeof UserSeriesEntry>;

function parseEntry(doc: ItemDefinition): UserSeriesEntry {
  // Cosmos adds system properties (_etag, _ts, ...); the entry is what the schema knows.
  const picked = Object.fromEntries(Object.keys(UserSeriesEntry.shape).map((key) => [key, doc[key] as unknown]));
  return UserSeriesEntry.parse(picked);
}

export class UserSeriesIndex {
  constructor(private readonly container: Container) {}

  /** The 1:1s of one person in one tenant: a single-partition query. */
  async list(tenantId: string, userId: string): Promise<UserSeriesEntry[]> {
    const { resources } = await this.container.items
      .query<ItemDefinition>(
        {
          query: 'SELECT * FROM c WHERE c.userId = @userId AND c.tenantId = @tenantId',
          parameters: [
            { name: '@userId', value: userId },
            { name: '@tenantId', value: tenantId },
          ],
        },
        { partitionKey: userId },
      )
      .fetchAll();
    return resources.map(parseEntry);
  }

  /** Writes the entry as it should be now; repeating it changes nothing. */
  async put(entry: UserSeriesEntry): Promise<void> {
    await this.container.items.upsert(UserSeriesEntry.parse(entry));
  }

  isEmpty(): Promise<boolean> {
    return indexIsEmpty(this.container);
  }

  /** Removes a person's entry for a series; an entry already gone is fine. */
  async remove(userId: string, seriesId: string): Promise<void> {
    try {
      await this.container.item(seriesId, userId).delete();
    } catch (error) {
      if (cosmosStatus(error) !== 404) throw error;
    }
  }
}

/** True when the index holds no entry at all (a store written before the index existed). */
export async function indexIsEmpty(container: Container): Promise<boolean> {
  // A cross-partition look at one entry: run once at start-up, never per request.
  const { resources } = await container.items.query<{ id: string }>('SELECT TOP 1 c.id FROM c').fetchAll();
  return resources.length === 0;
}
