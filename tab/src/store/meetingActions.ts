import type { RecordResponse } from '../../../domain/api.js';
import type { ActionItem, Cadence, Meeting, PrivateNote, SharedNote, Topic } from '../../../domain/entities.js';
import { derivedId } from '../../../domain/ids.js';
import { ApiError } from '../api/http.js';
import type { TemplateId } from '../../../domain/templates.js';
import type { Translate } from '../i18n/useT.js';
import type { MeetingApi } from './meetingApi.js';
import type { Outbox } from './outbox.js';
import { selectSeries, visibleRecords } from './selectors.js';
import type { SeriesState } from './seriesState.js';
import { shorten } from './shorten.js';
import { createSignal } from './signal.js';

/** The last thing deleted, by this person or (announced) by the other one: one Undo brings it back. */
export interface Deleted {
  kind: 'topic' | 'actionItem';
  id: string;
  text: string;
  /** Set when the other person deleted it: "Sam deleted …". */
  by?: string;
}

/**
 * Deleting with undo, notes, and the meeting's lifecycle. Like the agenda
 * actions, each change shows at once and goes through the outbox, so nothing
 * is lost while the connection is down.
 */
export function createMeetingActions(api: MeetingApi, outbox: Outbox, read: () => SeriesState, t: Translate) {
  const lastDeleted = createSignal<Deleted | null>(null);
  const now = () => new Date().toISOString();
  const topic = (id: string): Topic | undefined => visibleRecords(read(), 'topic').find((t) => t.id === id);
  const item = (id: string): ActionItem | undefined => visibleRecords(read(), 'actionItem').find((a) => a.id === id);
  const one =
    <T>(call: () => Promise<{ record: T }>) =>
    async () => [(await call()).record];
  const many =
    <T>(call: () => Promise<{ records: T[] }>) =>
    async () =>
      (await call()).records;

  async function remove(deleted: Deleted, tombstone: Topic | ActionItem, call: () => Promise<RecordResponse>) {
    lastDeleted.set(deleted);
    const done = await outbox.submit({
      label: t('panel.change.delete', { text: shorten(deleted.text) }),
      optimistic: [tombstone],
      send: one(call),
    });
    if (!done && lastDeleted.get()?.id === deleted.id) lastDeleted.set(null);
    return done;
  }

  return {
    lastDeleted,

    async deleteTopic(topicId: string): Promise<boolean> {
      const held = topic(topicId);
      if (!held) return false;
      return remove({ kind: 'topic', id: topicId, text: held.text }, { ...held, deletedAt: now() }, () =>
        api.deleteTopic(topicId),
      );
    },

    async deleteActionItem(itemId: string): Promise<boolean> {
      const held = item(itemId);
      if (!held) return false;
      return remove({ kind: 'actionItem', id: itemId, text: held.text }, { ...held, deletedAt: now() }, () =>
        api.deleteActionItem(itemId),
      );
    },

    /** Brings back the last deleted topic or action item, in its place, for both people. */
    undoDelete(): Promise<boolean> {
      const deleted = lastDeleted.get();
      lastDeleted.set(null);
      const held = deleted && (deleted.kind === 'topic' ? topic(deleted.id) : item(deleted.id));
      if (!deleted || !held) return Promise.resolve(false);
      const { deletedAt: _deletedAt, ...restored } = held;
      return outbox.submit({
        label: t('panel.change.restore', { text: shorten(deleted.text) }),
        optimistic: [restored],
        send: one(() => (deleted.kind === 'topic' ? api.restoreTopic(deleted.id) : api.restoreActionItem(deleted.id))),
      });
    },

    /** The other person deleted something: offer the same Undo (either member may restore). */
    offerUndo(deleted: Deleted): void {
      lastDeleted.set(deleted);
    },

    dismissUndo(): void {
      lastDeleted.set(null);
    },

    /** The viewer's own shared note on a topic (each member writes only their own entry). */
    saveSharedNote(topicId: string, text: string): Promise<boolean> {
      const state = read();
      const viewer = state.viewer;
      const held = topic(topicId);
      if (!viewer || !held) return Promise.resolve(false);
      const id = derivedId('note', topicId, viewer.userId);
      const existing = visibleRecords(state, 'sharedNote').find((n) => n.id === id);
      const optimistic: SharedNote = existing
        ? { ...existing, text }
        : {
            id,
            type: 'sharedNote',
            seriesId: state.seriesId,
            version: 0,
            createdAt: now(),
            updatedAt: now(),
            meetingId: held.meetingId,
            topicId,
            authorId: viewer.userId,
            text,
          };
      return outbox.submit({
        label: t('panel.change.sharedNote', { text: shorten(held.text) }),
        key: `note:${topicId}`,
        optimistic: [optimistic],
        send: one(() => api.putSharedNote(topicId, { text })),
      });
    },

    savePrivateNote(meetingId: string, text: string): Promise<boolean> {
      const state = read();
      const viewer = state.viewer;
      if (!viewer) return Promise.resolve(false);
      const id = derivedId('private', meetingId, viewer.userId);
      const existing = visibleRecords(state, 'privateNote').find((n) => n.id === id);
      const optimistic: PrivateNote = existing
        ? { ...existing, text }
        : {
            id,
            type: 'privateNote',
            seriesId: state.seriesId,
            version: 0,
            createdAt: now(),
            updatedAt: now(),
            meetingId,
            authorId: viewer.userId,
            text,
          };
      return outbox.submit({
        label: t('panel.change.privateNote'),
        key: `private:${meetingId}`,
        optimistic: [optimistic],
        send: one(() => api.putPrivateNote(meetingId, { text })),
      });
    },

    /**
     * Marks the meeting live (when Teams' own start event did not), or
     * reopens the 1:1 just ended (a rejoin: the service decides). A start
     * more than a day before the slot is refused until confirmed: `askEarly`
     * hears of it, and the confirmed start says `early`.
     */
    startMeeting(meeting: Meeting, options: { early?: boolean; askEarly?: () => void } = {}): Promise<boolean> {
      const { early = false, askEarly } = options;
      return outbox.submit({
        ...(askEarly
          ? {
              answersRefusal: (error: unknown) =>
                error instanceof ApiError && error.code === 'early_start' && (askEarly(), true),
            }
          : {}),
        label: t('panel.change.start'),
        optimistic: meeting.status === 'scheduled' ? [{ ...meeting, status: 'live', startedAt: now() }] : [],
        send: one(() => api.startMeeting(meeting.id, early ? { early: true } : undefined)),
      });
    },

    /** Closes the live meeting; the server carries undiscussed topics over to the next one. */
    endMeeting(meetingId: string): Promise<boolean> {
      return outbox.submit({
        label: t('panel.change.end'),
        optimistic: [],
        send: many(() => api.endMeeting(meetingId)),
      });
    },

    skipMeeting(meetingId: string, outcome: 'skipped' | 'cancelled'): Promise<boolean> {
      return outbox.submit({
        label: t('panel.change.skip', { outcome }),
        optimistic: [],
        send: many(() => api.skipMeeting(meetingId, { outcome })),
      });
    },

    applyTemplate(templateId: TemplateId): Promise<boolean> {
      return outbox.submit({
        label: t('panel.change.template'),
        optimistic: [],
        send: many(() => api.applyTemplate({ templateId })),
      });
    },

    updateCadence(cadence: Cadence): Promise<boolean> {
      const series = selectSeries(read());
      return outbox.submit({
        label: t('panel.change.cadence'),
        key: 'cadence',
        optimistic: series ? [{ ...series, cadence }] : [],
        send: many(() => api.updateCadence({ cadence })),
      });
    },

    retryUnsent(): Promise<void> {
      return outbox.flush();
    },
  };
}

export type MeetingActions = ReturnType<typeof createMeetingActions>;
