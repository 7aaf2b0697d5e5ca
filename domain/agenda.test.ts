import { describe, expect, it } from 'vitest';
import { agendaOf, orderForMove, orderForNewTopic } from './agenda.js';
import type { Member, Topic } from './entities.js';

const manager: Member = { userId: 'm', name: 'Alex', role: 'manager' };
const report: Member = { userId: 'r', name: 'Sam', role: 'report' };
const series = { members: [manager, report] };

function topic(id: string, addedBy: string, order: string, extra: Partial<Topic> = {}): Topic {
  const at = '2026-01-01T00:00:00.000Z';
  return {
    id,
    seriesId: 's',
    version: 1,
    createdAt: at,
    updatedAt: at,
    type: 'topic',
    meetingId: 'm1',
    text: id,
    category: 'work',
    addedBy,
    order,
    status: 'open',
    carriedOverCount: 0,
    originId: id,
    ...extra,
  };
}

/** Adds topics one by one the way the service does and returns the agenda's ids in order. */
function addInTurn(adders: string[]): string[] {
  const topics: Topic[] = [];
  adders.forEach((addedBy, i) => {
    topics.push(topic(`${addedBy}${i}`, addedBy, orderForNewTopic(series, agendaOf(topics, 'm1'), addedBy)));
  });
  return agendaOf(topics, 'm1').map((t) => t.id);
}

describe('agenda order', () => {
  it("lists the report's topics first even when the manager adds first", () => {
    expect(addInTurn(['m', 'r', 'm', 'r'])).toEqual(['r1', 'r3', 'm0', 'm2']);
  });

  it('keeps each person’s topics in the order they were added', () => {
    expect(addInTurn(['r', 'r', 'r'])).toEqual(['r0', 'r1', 'r2']);
  });

  it('hides deleted topics and topics of other meetings', () => {
    const topics = [
      topic('a', 'r', 'V'),
      topic('b', 'r', 'W', { deletedAt: '2026-01-02T00:00:00.000Z' }),
      topic('c', 'r', 'X', { meetingId: 'm2' }),
    ];
    expect(agendaOf(topics, 'm1').map((t) => t.id)).toEqual(['a']);
  });

  it('moving a topic rewrites only its key and puts it after the chosen topic', () => {
    const agenda = [topic('a', 'r', 'F'), topic('b', 'r', 'V'), topic('c', 'm', 'k')];
    const order = orderForMove(agenda, 'a', 'c');
    const moved = agendaOf(
      agenda.map((t) => (t.id === 'a' ? { ...t, order } : t)),
      'm1',
    ).map((t) => t.id);
    expect(moved).toEqual(['b', 'c', 'a']);
    expect(
      agendaOf([{ ...agenda[2]!, order: orderForMove(agenda, 'c', null) }, ...agenda.slice(0, 2)], 'm1')[0]!.id,
    ).toBe('c');
  });

  it('refuses to move a topic after itself or after a topic that is not on the agenda', () => {
    const agenda = [topic('a', 'r', 'F'), topic('b', 'r', 'V')];
    expect(() => orderForMove(agenda, 'a', 'a')).toThrow(/after itself/);
    expect(() => orderForMove(agenda, 'a', 'zzz')).toThrow(/not on this agenda/);
    expect(() => orderForMove(agenda, 'zzz', null)).toThrow(/not on this agenda/);
  });
});
