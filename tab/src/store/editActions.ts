import type { EditActionItemBody, EditTopicBody, RecordResponse } from '../../../domain/api.js';
import { ActionItem, Topic } from '../../../domain/entities.js';
import { ApiError } from '../api/http.js';
import type { SeriesApi } from '../api/seriesApi.js';
import type { Translate } from '../i18n/useT.js';
import type { Outbox } from './outbox.js';
import { visibleRecords } from './selectors.js';
import type { SeriesAction, SeriesState } from './seriesState.js';
import { shorten } from './shorten.js';

/** What came of an edit: saved (or kept for later), refused with a notice, or overtaken by someone else's change. */
export type EditOutcome<T> = { kind: 'saved' } | { kind: 'refused' } | { kind: 'conflict'; current: T };

/** The fields a person changes, and the version of the record they started from. */
export type TopicEdit = Pick<EditTopicBody, 'text' | 'category'> & { baseVersion?: number };
export type ActionItemEdit = Omit<EditActionItemBody, 'done'> & { baseVersion?: number };

/**
 * Edits of text, category, owner and due date. Each sends the version the
 * person started from; when someone else changed the same field since, the
 * service answers 409 `edit_conflict` with the record as it is now. The open
 * editor gets both texts to choose from; an edit sent later from the outbox
 * (after being offline) names both texts in a notice, so nothing is lost
 * without a word.
 */
export function createEditActions(
  api: SeriesApi,
  dispatch: (action: SeriesAction) => void,
  read: () => SeriesState,
  outbox: Outbox,
  t: Translate,
) {
  async function edit<T extends Topic | ActionItem>(
    held: T | undefined,
    label: string,
    mine: string | undefined,
    call: () => Promise<RecordResponse>,
    schema: typeof Topic | typeof ActionItem,
  ): Promise<EditOutcome<T>> {
    let answered = false;
    let conflict: T | undefined;
    const saved = await outbox.submit({
      label,
      optimistic: held ? [held] : [],
      send: async () => {
        try {
          return [(await call()).record];
        } catch (error) {
          const current =
            error instanceof ApiError && error.code === 'edit_conflict' && schema.safeParse(error.current);
          if (!current || !current.success) throw error;
          conflict = current.data as T;
          if (answered) {
            const theirs = 'text' in conflict ? conflict.text : '';
            dispatch({
              type: 'notice',
              text: t('panel.notice.conflict', { change: label, theirs: shorten(theirs), mine: mine ?? '' }),
            });
          }
          return [conflict];
        }
      },
    });
    answered = true;
    if (conflict) return { kind: 'conflict', current: conflict };
    return saved ? { kind: 'saved' } : { kind: 'refused' };
  }

  const topic = (id: string) => visibleRecords(read(), 'topic').find((t) => t.id === id);
  const item = (id: string) => visibleRecords(read(), 'actionItem').find((a) => a.id === id);

  return {
    editTopic(topicId: string, { baseVersion, ...changes }: TopicEdit): Promise<EditOutcome<Topic>> {
      const held = topic(topicId);
      const text = changes.text?.trim();
      const optimistic = held && { ...held, ...(text ? { text } : {}), ...(changes.category ? changes : {}) };
      const label = text
        ? t('panel.change.edit', { text: shorten(text) })
        : t('panel.change.topicCategory', { text: shorten(held?.text ?? '…') });
      const body = { ...changes, ...(baseVersion === undefined ? {} : { baseVersion }) };
      return edit(optimistic, label, text, () => api.editTopic(topicId, body), Topic);
    },

    editActionItem(itemId: string, { baseVersion, ...changes }: ActionItemEdit): Promise<EditOutcome<ActionItem>> {
      const held = item(itemId);
      const text = changes.text?.trim();
      let optimistic: ActionItem | undefined;
      if (held) {
        const { dueDate: _due, ...rest } = held;
        const dueDate = changes.dueDate === undefined ? held.dueDate : (changes.dueDate ?? undefined);
        optimistic = { ...rest, ...(text ? { text } : {}), ...(changes.ownerId ? { ownerId: changes.ownerId } : {}) };
        if (dueDate) optimistic.dueDate = dueDate;
      }
      const body = { ...changes, ...(baseVersion === undefined ? {} : { baseVersion }) };
      const label = t('panel.change.edit', { text: shorten(text ?? held?.text ?? '…') });
      return edit(optimistic, label, text, () => api.editActionItem(itemId, body), ActionItem);
    },
  };
}

export type EditActions = ReturnType<typeof createEditActions>;
