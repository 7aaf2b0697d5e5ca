import fc from 'fast-check';
import { expect, it } from 'vitest';
import { memberRoom, seriesRoom } from './rooms.js';

const id = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 20 });

it('no series room is ever another series’ member room, and different ids never share a room', () => {
  fc.assert(
    fc.property(id, id, id, id, (a, b, user, other) => {
      expect(seriesRoom(a)).not.toBe(memberRoom(b, user));
      if (a !== b) expect(seriesRoom(a)).not.toBe(seriesRoom(b));
      if (a !== b || user !== other) expect(memberRoom(a, user)).not.toBe(memberRoom(b, other));
    }),
  );
  // The crafted case from the review, spelled out.
  expect(seriesRoom('s-19:x@thread.v2:member:u1')).not.toBe(memberRoom('s-19:x@thread.v2', 'u1'));
});
