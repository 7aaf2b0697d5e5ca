import { describe, expect, it } from 'vitest';
import type { Member, Series, Topic } from '../../../domain/entities.js';
import { describeChanges } from './announcements.js';
import { initialSeriesState, seriesReducer, type SeriesState } from './seriesState.js';
import { panelCatalog } from '../i18n/catalogs/panel.js';
import { startI18n } from '../i18n/startI18n.js';
import { translator } from '../i18n/useT.js';

const english = translator((await startI18n([panelCatalog], 'en')).i18n);

const sam: Member = { userId: 'sam', name: 'Sam', role: 'report' };
const alex: Member = { userId: 'alex', name: 'Alex', role: 'manager' };
const at = '2026-12-01T10:00:00.000Z';
const series: Series = {
  id: 's1',
  type: 'series',
  seriesId: 's1',
  version: 1,
  createdAt: at,
  updatedAt: at,
  tenantId: 't',
  chatId: 'c',
  title: '1:1',
  members: [alex, sam],
  cadence: { frequency: 'weekly', weekday: 'thursday', time: '10:00', timeZone: 'UTC', durationMinutes: 30 },
  currentMeetingId: 'm1',
} as Series;

const topic = (over: Partial<Topic> = {}): Topic => ({
  id: 't1',
  type: 'topic',
  seriesId: 's1',
  version: 1,
  createdAt: at,
  updatedAt: at,
  meetingId: 'm1',
  text: 'Budget',
  category: 'work',
  addedBy: 'sam',
  order: 'a0',
  status: 'open',
  carriedOverCount: 0,
  originId: 't1',
  ...over,
});

/** Alex's panel, holding the given topics. */
function alexPanel(...topics: Topic[]): SeriesState {
  return seriesReducer(initialSeriesState('s1'), {
    type: 'loaded',
    state: {
      viewer: alex,
      series,
      meetings: [],
      topics,
      actionItems: [],
      sharedNotes: [],
      privateNotes: [],
      history: { pastMeetings: 0, before: null },
    },
  });
}

describe('what the other person did, in words', () => {
  it('a topic Sam adds is said with Sam’s name', () => {
    expect(describeChanges(alexPanel(), [topic({ text: 'Career plan' })], english)).toEqual([
      { text: 'Sam added ‘Career plan’' },
    ]);
  });

  it('a topic Sam deletes is said and comes with an Undo for it', () => {
    const [said] = describeChanges(alexPanel(topic()), [topic({ version: 2, deletedAt: at })], english);
    expect(said).toEqual({
      text: 'Sam deleted ‘Budget’',
      deleted: { kind: 'topic', id: 't1', text: 'Budget', by: 'Sam' },
    });
  });

  it('a rewrite says both texts; a status change says what it became', () => {
    const held = alexPanel(topic());
    expect(describeChanges(held, [topic({ version: 2, text: 'Budget for Q1' })], english)[0]?.text).toBe(
      'Sam changed ‘Budget’ to ‘Budget for Q1’',
    );
    expect(describeChanges(held, [topic({ version: 2, status: 'deferred' })], english)[0]?.text).toBe(
      'Sam parked ‘Budget’',
    );
  });

  it('the viewer’s own echo, an old version and the viewer’s own new topic say nothing', () => {
    const held = alexPanel(topic());
    const saving = seriesReducer(held, { type: 'optimistic', record: topic({ version: 1, text: 'Mine' }) });
    expect(describeChanges(saving, [topic({ version: 2, text: 'Mine' })], english)).toEqual([]);
    expect(describeChanges(held, [topic({ version: 1, text: 'Older' })], english)).toEqual([]);
    expect(describeChanges(held, [topic({ id: 't2', addedBy: 'alex' })], english)).toEqual([]);
  });
});
