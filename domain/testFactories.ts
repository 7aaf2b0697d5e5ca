import type { ActionItem, Cadence, Meeting, Member, Series, Topic } from './entities.js';

/**
 * Builders of domain records for unit tests: valid defaults, overridden by
 * what a test is about, so each test states only what matters to it.
 */
export const T0 = '2026-01-01T00:00:00.000Z';
export const MANAGER: Member = { userId: 'u-manager', name: 'Maria Manager', role: 'manager' };
export const REPORT: Member = { userId: 'u-report', name: 'Rui Report', role: 'report' };

export const WEEKLY_BERLIN: Cadence = {
  frequency: 'weekly',
  weekday: 'monday',
  time: '09:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: 30,
};

const base = { seriesId: 's-1', version: 1, createdAt: T0, updatedAt: T0 };

export function aSeries(overrides: Partial<Series> = {}): Series {
  return {
    ...base,
    id: 's-1',
    type: 'series',
    tenantId: 't-1',
    chatId: '19:meeting_abc@thread.v2',
    title: 'Maria / Rui 1:1',
    members: [MANAGER, REPORT],
    cadence: WEEKLY_BERLIN,
    currentMeetingId: 'm-1',
    ...overrides,
  };
}

export function aMeeting(overrides: Partial<Meeting> & Pick<Meeting, 'id' | 'scheduledStart'>): Meeting {
  return { ...base, type: 'meeting', status: 'scheduled', ...overrides };
}

export function aTopic(overrides: Partial<Topic> & Pick<Topic, 'id' | 'meetingId'>): Topic {
  return {
    ...base,
    type: 'topic',
    text: `Topic ${overrides.id}`,
    category: 'work',
    addedBy: REPORT.userId,
    order: 'V',
    status: 'open',
    carriedOverCount: 0,
    originId: overrides.id,
    ...overrides,
  };
}

export function anActionItem(overrides: Partial<ActionItem> & Pick<ActionItem, 'id' | 'meetingId'>): ActionItem {
  return {
    ...base,
    type: 'actionItem',
    text: `Action ${overrides.id}`,
    ownerId: REPORT.userId,
    createdBy: MANAGER.userId,
    ...overrides,
  };
}
