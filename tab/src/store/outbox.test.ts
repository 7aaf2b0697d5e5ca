import { describe, expect, it } from 'vitest';
import type { AnyRecord, Topic } from '../../../domain/entities.js';
import { ApiError } from '../api/http.js';
import { createOutbox, type Change, type Scheduler } from './outbox.js';
import type { SeriesAction } from './seriesState.js';
import { panelCatalog } from '../i18n/catalogs/panel.js';
import { startI18n } from '../i18n/startI18n.js';
import { translator } from '../i18n/useT.js';

const english = translator((await startI18n([panelCatalog], 'en')).i18n);

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
    const outbox = createOutbox(dispatch, english);
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
    const outbox = createOutbox(recorder().dispatch, english);
    service.up = false;
    await outbox.submit(service.change('Add topic', topic('a', 'first')));
    service.up = true;
    await outbox.submit(service.change('Edit topic', topic('a', 'first, edited')));
    await outbox.flush();
    expect(service.received).toEqual(['Add topic', 'Edit topic']);
  });

  it('sends only the newest text of a note saved several times while offline', async () => {
    const service = fakeService();
    const outbox = createOutbox(recorder().dispatch, english);
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
    const outbox = createOutbox(dispatch, english);
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

  it('keeps a change refused for good on screen in words, with the person’s full text', async () => {
    const { actions, dispatch } = recorder();
    const outbox = createOutbox(dispatch, english);
    const text = 'A long topic that the panel shortens in its label but must not lose when the service says no';
    const refused: Change = {
      label: 'Add topic “A long topic…”',
      text,
      optimistic: [topic('c', text)],
      send: () => Promise.reject(new ApiError(409, 'conflict', 'That id is already used by something else.')),
    };
    expect(await outbox.submit(refused)).toBe(false);
    const notice = actions.find((a): a is Extract<SeriesAction, { type: 'notice' }> => a.type === 'notice');
    expect(notice?.text).toContain('That id is already used by something else.');
    expect(notice?.text).toContain(text);
  });
});

/** A clock-free scheduler: records what the outbox asked to run and when, and runs it on demand. */
function manualScheduler() {
  const waiting: { run: () => void; ms: number }[] = [];
  const schedule: Scheduler = (run, ms) => {
    const entry = { run, ms };
    waiting.push(entry);
    return () => waiting.splice(waiting.indexOf(entry), 1);
  };
  return {
    schedule,
    delays: () => waiting.map((w) => w.ms),
    async runNext() {
      const next = waiting.shift();
      next?.run();
      // Let the flush it started finish.
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
  };
}

/** A service whose next answers are the given failures, then success; counts what it stored by id. */
function flakyService(failures: ApiError[]) {
  const stored = new Map<string, number>();
  return {
    stored,
    change(record: AnyRecord): Change {
      return {
        label: `Add ${record.id}`,
        optimistic: [record],
        send: () => {
          const failure = failures.shift();
          if (failure) return Promise.reject(failure);
          stored.set(record.id, (stored.get(record.id) ?? 0) + 1);
          return Promise.resolve([record]);
        },
      };
    },
  };
}

describe('the outbox under storage faults', () => {
  it.each([
    ['503 unavailable', new ApiError(503, 'unavailable', 'busy', [], 2_000), 2_000],
    ['429 throttled', new ApiError(429, 'rate_limited', 'slow down', [], 5_000), 5_000],
    ['408 timed out', new ApiError(408, 'http', 'timeout'), 1_000],
    ['a dropped connection', new ApiError(0, 'network', 'offline'), 1_000],
  ])(
    'a change answered %s is kept and sent again with the same id after Retry-After, stored once',
    async (_name, failure, wait) => {
      const scheduler = manualScheduler();
      const service = flakyService([failure]);
      const { actions, dispatch } = recorder();
      const outbox = createOutbox(dispatch, english, scheduler.schedule);

      expect(await outbox.submit(service.change(topic('same-id', 'Pay review')))).toBe(true);
      expect(outbox.unsent.get()).toHaveLength(1);
      expect(scheduler.delays()).toEqual([wait]);
      expect(actions.some((a) => a.type === 'notice')).toBe(false);

      await scheduler.runNext();
      expect([...service.stored]).toEqual([['same-id', 1]]);
      expect(outbox.unsent.get()).toEqual([]);
      expect(actions.at(-1)).toEqual({ type: 'settled', id: 'same-id' });
    },
  );

  it('backs off further while the service stays unavailable without naming a time, and never gives up', async () => {
    const scheduler = manualScheduler();
    const unnamed = () => new ApiError(502, 'http', 'bad gateway');
    const service = flakyService([unnamed(), unnamed(), unnamed(), unnamed()]);
    const outbox = createOutbox(recorder().dispatch, english, scheduler.schedule);
    await outbox.submit(service.change(topic('patient', 'Keep trying')));
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      waits.push(...scheduler.delays());
      await scheduler.runNext();
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect([...service.stored]).toEqual([['patient', 1]]);
  });
});
