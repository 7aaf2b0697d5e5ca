import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agendaOf, orderForMove, orderForNewTopic, placeMove, placeNewTopic, type Placement } from './agenda.js';
import { ORDER_KEY_MAX } from './entities.js';
import { ORDER_KEY_SOFT_LIMIT } from './ordering.js';
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
    const agenda = [topic('a', 'r', 'a0'), topic('b', 'r', 'a1'), topic('c', 'm', 'a2')];
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

/** Applies a placement the way the service writes it: one key, or every key of the agenda. */
function apply(topics: Topic[], placement: Placement, placedId: string): Topic[] {
  return topics.map((t) =>
    placement.kind === 'rebalance'
      ? { ...t, order: placement.orders.get(t.id) ?? t.order }
      : t.id === placedId
        ? { ...t, order: placement.order }
        : t,
  );
}

/** The intended order after a move, computed on the list itself. */
function moved(ids: readonly string[], id: string, afterId: string | null): string[] {
  const rest = ids.filter((x) => x !== id);
  return [
    ...rest.slice(0, afterId === null ? 0 : rest.indexOf(afterId) + 1),
    id,
    ...rest.slice(afterId === null ? 0 : rest.indexOf(afterId) + 1),
  ];
}

const ids = (topics: Topic[]) => agendaOf(topics, 'm1').map((t) => t.id);
const longestKey = (topics: Topic[]) => Math.max(...topics.map((t) => t.order.length));

describe('bounded, exact order keys', () => {
  it('5,000 alternating moves to the top keep every key short and the order exact', () => {
    let topics = ['a', 'b', 'c', 'd'].map((id, i) => topic(id, 'r', `a${i}`));
    let expected = ids(topics);
    for (let i = 0; i < 5000; i++) {
      const id = i % 2 === 0 ? 'c' : 'd';
      topics = apply(topics, placeMove(agendaOf(topics, 'm1'), id, null), id);
      expected = moved(expected, id, null);
      expect(ids(topics)).toEqual(expected);
    }
    expect(longestKey(topics)).toBeLessThanOrEqual(12);
  });

  it('5,000 alternating moves into one gap rebalance before any key passes the soft limit', () => {
    let topics = ['a', 'b', 'c', 'd'].map((id, i) => topic(id, 'r', `a${i}`));
    let expected = ids(topics);
    let rebalances = 0;
    let longest = 0;
    for (let i = 0; i < 5000; i++) {
      // c goes right after a, then d right after a: each move narrows the gap after a.
      const id = i % 2 === 0 ? 'c' : 'd';
      const placement = placeMove(agendaOf(topics, 'm1'), id, 'a');
      if (placement.kind === 'rebalance') rebalances++;
      topics = apply(topics, placement, id);
      expected = moved(expected, id, 'a');
      longest = Math.max(longest, longestKey(topics));
    }
    expect(ids(topics)).toEqual(expected);
    expect(longest).toBeLessThanOrEqual(ORDER_KEY_SOFT_LIMIT);
    // Positive control: without rebalancing these moves would have grown the keys past the limit.
    expect(rebalances).toBeGreaterThan(0);
  });

  it('any sequence of moves and adds lands each topic exactly where asked, every key within the limit', () => {
    const move = fc.record({ who: fc.nat(7), after: fc.option(fc.nat(7), { nil: null }), add: fc.boolean() });
    fc.assert(
      fc.property(fc.array(move, { minLength: 1, maxLength: 300 }), (steps) => {
        let topics = [topic('t0', 'r', 'a0'), topic('t1', 'm', 'a1')];
        let expected = ids(topics);
        steps.forEach((step, n) => {
          const current = agendaOf(topics, 'm1');
          if (step.add) {
            const id = `n${n}`;
            const addedBy = step.who % 2 === 0 ? 'r' : 'm';
            const placement = placeNewTopic(series, current, addedBy, id);
            topics = apply([...topics, topic(id, addedBy, 'a0')], placement, id);
            expected = ids(topics);
            return;
          }
          const id = current[step.who % current.length]!.id;
          const after = step.after === null ? null : current[step.after % current.length]!.id;
          if (after === id) return;
          topics = apply(topics, placeMove(current, id, after), id);
          expected = moved(expected, id, after);
          expect(ids(topics)).toEqual(expected);
        });
        expect(longestKey(topics)).toBeLessThanOrEqual(ORDER_KEY_SOFT_LIMIT);
        expect(new Set(topics.map((t) => t.order)).size).toBe(topics.length);
      }),
      { numRuns: 150 },
    );
  });

  it('concurrent adds from the same agenda get distinct keys, and moves next to each land exactly', () => {
    const base = [topic('first', 'm', 'a0'), topic('last', 'm', 'a1')];
    // Twenty people add at once: each computes its key from the same agenda.
    const added = Array.from({ length: 20 }, (_, i) => {
      const id = `concurrent-${i}`;
      return topic(id, 'm', orderForNewTopic(series, agendaOf(base, 'm1'), 'm', id));
    });
    let topics = [...base, ...added];
    expect(new Set(topics.map((t) => t.order)).size).toBe(topics.length);
    let expected = ids(topics);
    for (const neighbour of added) {
      topics = apply(topics, placeMove(agendaOf(topics, 'm1'), 'first', neighbour.id), 'first');
      expected = moved(expected, 'first', neighbour.id);
      expect(ids(topics)).toEqual(expected);
    }
  });

  it('a move next to topics with equal keys lands exactly there, by rebalancing the agenda', () => {
    // Equal keys: written before the tie-breaker, or by two people at once with the same id hash.
    const topics = [topic('a', 'r', 'a0'), topic('b', 'r', 'a1'), topic('c', 'r', 'a1'), topic('d', 'r', 'a2')];
    const placement = placeMove(agendaOf(topics, 'm1'), 'd', 'b');
    expect(placement.kind).toBe('rebalance');
    expect(ids(apply(topics, placement, 'd'))).toEqual(['a', 'b', 'd', 'c']);
    // Positive control: the key alone (what the earlier code wrote) could not land between b and c.
    expect(ids(topics.map((t) => (t.id === 'd' ? { ...t, order: 'a1V' } : t)))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keys written by the earlier scheme are rewritten by the first move next to them', () => {
    const topics = [topic('a', 'r', 'F'), topic('b', 'r', 'V'), topic('c', 'm', 'k')];
    const placement = placeMove(agendaOf(topics, 'm1'), 'a', 'c');
    expect(placement.kind).toBe('rebalance');
    const after = apply(topics, placement, 'a');
    expect(ids(after)).toEqual(['b', 'c', 'a']);
    expect(after.every((t) => t.order.length <= 3)).toBe(true);
  });

  it('the soft limit leaves room under the schema limit', () => {
    expect(ORDER_KEY_SOFT_LIMIT).toBeLessThan(ORDER_KEY_MAX);
  });
});
