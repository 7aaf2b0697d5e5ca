import { describe, expect, it } from 'vitest';
import type { AnyRecord, Topic } from '../../../domain/entities.js';
import { ApiError } from '../api/http.js';
import { createOutbox, type Change } from './outbox.js';
import type { SeriesAction } from './seriesState.js';

const at = '2026-11-25T10:00:00.000Z';

function topic(id: string, text: string): Topic {
  return {
    id,
    type: 'topic',
    seriesId: 's',
    version: 1,
    createdAt: at,
    updatedAt: at,
    meetingId: 'm',
    text,
    category: 'work',
    addedBy: 'u',
    order: 'V',
    status: 'open',
    carriedOverCount: 0,
    originId: id,
  };
}

/** A service that can be switched off: sends fail like a dropped connection while it is down. */
function fakeService() {
  const received: string[] = [];
  const service = {
    up: true,
    received,
    change(label: string, record: AnyRecord, key?: string): Change {
      return {
        label,
        key,
        optimistic: [record],
        send: () => {
          if (!service.up) return Promise.reject(new ApiError(0, 'network', 'Cannot reach the 1:1 service.'));
          received.push(label);
          return Promise.resolve([record]);
        },
      };
    },
  };
  return service;
}

function recorder() {
  const actions: SeriesAction[] = [];
  return { actions, dispatch: (action: SeriesAction) => void actions.push(action) };
}

describe('the outbox of unsent changes', () => {
  it('keeps a change made while offline and sends it exactly once when the connection returns', async () => {
    const service = fakeService();
    const { actions, dispatch } = recorder();
    const outbox = createOutbox(dispatch);
    service.up = false;

    expect(await outbox.submit(service.change('Add topic', topic('a', 'Pay review')))).toBe(true);
    expect(outbox.unsent.get().map((c) => c.label)).toEqual(['Add topic']);
    expect(actions.some((a) => a.type === 'settled')).toBe(false);

    await outbox.flush();
    expect(outbox.unsent.get()).toHaveLength(1);

    service.up = true;
    await outbox.flush();
    await outbox.flush();
    expect(service.received).toEqual(['Add topic']);
    expect(outbox.unsent.get()).toEqual([]);
    expect(actions.at(-1)).toEqual({ type: 'settled', id: 'a' });
  });

  it('queues later changes behind a waiting one so they arrive in the order they were made', async () => {
    const service = fakeService();
    const outbox = createOutbox(recorder().dispatch);
    service.up = false;
    await outbox.submit(service.change('Add topic', topic('a', 'first')));
    service.up = true;
    await outbox.submit(service.change('Edit topic', topic('a', 'first, edited')));
    await outbox.flush();
    expect(service.received).toEqual(['Add topic', 'Edit topic']);
  });

  it('sends only the newest text of a note saved several times while offline', async () => {
    const service = fakeService();
    const outbox = createOutbox(recorder().dispatch);
    service.up = false;
    await outbox.submit(service.change('Add topic', topic('a', 'x')));
    for (const text of ['n', 'no', 'notes']) await outbox.submit(service.change(text, topic('note', text), 'note:a'));
    expect(outbox.unsent.get().map((c) => c.label)).toEqual(['Add topic', 'notes']);
    service.up = true;
    await outbox.flush();
    expect(service.received).toEqual(['Add topic', 'notes']);
  });

  it('drops a change the service refuses and says why, instead of retrying it forever', async () => {
    const { actions, dispatch } = recorder();
    const outbox = createOutbox(dispatch);
    const refused: Change = {
      label: 'Add topic “”',
      optimistic: [topic('b', ' ')],
      send: () => Promise.reject(new ApiError(400, 'invalid', 'Topic text must not be empty')),
    };
    expect(await outbox.submit(refused)).toBe(false);
    expect(outbox.unsent.get()).toEqual([]);
    expect(actions).toContainEqual({
      type: 'notice',
      text: 'Add topic “” was not saved: Topic text must not be empty',
    });
    expect(actions.at(-1)).toEqual({ type: 'settled', id: 'b' });
  });
});
