import { describe, expect, it } from 'vitest';
import { aSeries } from './testFactories.js';
import { chatIsTheOneOnOne, followChat, isActiveMember } from './membership.js';

const now = new Date('2026-12-01T10:00:00Z');

describe('membership follows the chat', () => {
  const series = aSeries();
  const [a, b] = series.members.map((m) => m.userId) as [string, string];

  it('the chat of exactly the two members changes nothing (the same object)', () => {
    expect(followChat(series, [b, a], now)).toBe(series);
    expect(chatIsTheOneOnOne(series, [a, b])).toBe(true);
  });

  it('a member who left loses access and sharing pauses, naming them; back again restores both', () => {
    const left = followChat(series, [a], now);
    expect(left.leftChat).toEqual([b]);
    expect(isActiveMember(left, b)).toBe(false);
    expect(isActiveMember(left, a)).toBe(true);
    expect(left.sharingPaused?.code).toBe('chat_not_one_on_one');
    expect(left.sharingPaused?.message).toContain(series.members[1]!.name);
    const back = followChat(left, [a, b], now);
    expect(back.leftChat).toBeUndefined();
    expect(back.sharingPaused).toBeUndefined();
    expect(isActiveMember(back, b)).toBe(true);
  });

  it('a third person pauses sharing but takes access from nobody; a replay keeps the first time', () => {
    const three = followChat(series, [a, b, 'someone-else'], now);
    expect(three.leftChat).toBeUndefined();
    expect(three.sharingPaused?.message).toMatch(/3 people/);
    expect(followChat(three, [a, b, 'someone-else'], new Date('2026-12-02T10:00:00Z'))).toBe(three);
    expect(chatIsTheOneOnOne(series, [a, b, 'someone-else'])).toBe(false);
  });

  it('someone who was never a member is never active', () => {
    expect(isActiveMember(series, 'stranger')).toBe(false);
  });
});
