import { describe, expect, it } from 'vitest';
import type { PrivateNote, Topic } from '../../../domain/entities.js';
import { isVisibleTo, visibleTo } from './visibility.js';

const base = {
  seriesId: 's-1',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const note: PrivateNote = {
  ...base,
  id: 'private~m-1~manager',
  type: 'privateNote',
  meetingId: 'm-1',
  authorId: 'manager',
  text: 'Sam seems tired lately',
};
const topic: Topic = {
  ...base,
  id: 't-1',
  type: 'topic',
  meetingId: 'm-1',
  text: 'Team offsite',
  category: 'work',
  addedBy: 'report',
  order: 'a0',
  status: 'open',
  carriedOverCount: 0,
  originId: 't-1',
};

describe('what a viewer may see', () => {
  it('refuses another member a private note and shows it to its author', () => {
    expect(isVisibleTo('report', note)).toBe(false);
    expect(isVisibleTo('manager', note)).toBe(true);
  });

  it('filters a mixed batch per viewer, shared records for both', () => {
    expect(visibleTo('report', [topic, note])).toEqual([topic]);
    expect(visibleTo('manager', [topic, note])).toEqual([topic, note]);
  });
});
