import { describe, expect, it } from 'vitest';
import { aMeeting, anActionItem, aSeries, MANAGER, REPORT } from '../../../domain/testFactories.js';
import { selectFromLastTime, selectNotesOf, selectPastMeetings } from './meetingSelectors.js';
import { initialSeriesState, seriesReducer } from './seriesState.js';
import type { PanelState } from '../../../domain/api.js';

const series = aSeries({ id: 's-1', seriesId: 's-1', currentMeetingId: 'm-3' });
const meetings = [
  aMeeting({
    id: 'm-1',
    seriesId: 's-1',
    scheduledStart: '2026-11-05T09:00:00.000Z',
    status: 'ended',
    endedAt: '2026-11-05T09:30:00.000Z',
  }),
  aMeeting({
    id: 'm-2',
    seriesId: 's-1',
    scheduledStart: '2026-11-12T09:00:00.000Z',
    status: 'ended',
    endedAt: '2026-11-12T09:30:00.000Z',
  }),
  aMeeting({ id: 'm-3', seriesId: 's-1', scheduledStart: '2026-11-19T09:00:00.000Z' }),
];

function loaded(overrides: Partial<PanelState>) {
  const state: PanelState = {
    viewer: REPORT,
    series,
    meetings,
    topics: [],
    actionItems: [],
    sharedNotes: [],
    privateNotes: [],
    history: { pastMeetings: 0, before: null },
    ...overrides,
  };
  return seriesReducer(initialSeriesState('s-1'), { type: 'loaded', state });
}

describe('what the panel shows of earlier meetings', () => {
  it('"From last time" lists open items of earlier meetings, then those ticked off since the last one closed', () => {
    const item = (id: string, meetingId: string, extra = {}) =>
      anActionItem({ id, meetingId, seriesId: 's-1', ...extra });
    const state = loaded({
      actionItems: [
        item('open-old', 'm-1', { dueDate: '2026-11-10' }),
        item('done-now', 'm-2', { doneAt: '2026-11-19T09:10:00.000Z' }),
        item('done-long-ago', 'm-1', { doneAt: '2026-11-06T12:00:00.000Z' }),
        item('agreed-today', 'm-3'),
        item('deleted', 'm-2', { deletedAt: '2026-11-13T12:00:00.000Z' }),
      ],
    });
    expect(selectFromLastTime(state).map((a) => a.id)).toEqual(['open-old', 'done-now']);
  });

  it('lists past meetings newest first and leaves out the one being prepared', () => {
    expect(selectPastMeetings(loaded({})).map((m) => m.id)).toEqual(['m-2', 'm-1']);
  });

  it('keeps the viewer’s own shared note apart from the other member’s', () => {
    const note = (authorId: string) => ({
      id: `note~t-1~${authorId}`,
      seriesId: 's-1',
      type: 'sharedNote' as const,
      version: 1,
      createdAt: meetings[0]!.createdAt,
      updatedAt: meetings[0]!.createdAt,
      meetingId: 'm-3',
      topicId: 't-1',
      authorId,
      text: `by ${authorId}`,
    });
    const notes = selectNotesOf(
      loaded({ sharedNotes: [note(REPORT.userId), note(MANAGER.userId)] }),
      't-1',
      REPORT.userId,
    );
    expect(notes.mine?.text).toBe(`by ${REPORT.userId}`);
    expect(notes.theirs.map((n) => n.text)).toEqual([`by ${MANAGER.userId}`]);
  });
});
