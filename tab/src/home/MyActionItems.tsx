import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MyActionItem } from '../../../domain/home.js';
import { messageOf } from '../api/http.js';
import { useLocale } from '../i18n/I18nRoot.js';
import { useT } from '../i18n/useT.js';
import { useClickGuard } from '../ui/clickGuard.js';
import { mutedText, plainList, sectionHeading } from '../ui/styles.js';
import { viewerDate } from './format.js';
import type { HomeApi } from './homeApi.js';

const useStyles = makeStyles({
  heading: sectionHeading,
  list: plainList(tokens.spacingVerticalXS),
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  muted: mutedText,
  overdue: { color: tokens.colorStatusDangerForeground3, fontWeight: tokens.fontWeightSemibold },
});

interface Props {
  items: readonly MyActionItem[];
  api: HomeApi;
  /** Today in the viewer's zone ("YYYY-MM-DD"), for "overdue". */
  today: string;
  /** The item is done: offer Undo, and load the list again (it leaves it). */
  onCompleted(entry: MyActionItem): Promise<void>;
  onError(message: string): void;
}

/** My open action items across all my 1:1s, by due date; ticking one marks it done in its 1:1. */
export function MyActionItems({ items, api, today, onCompleted, onError }: Props) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const guard = useClickGuard();
  const idle = (itemId: string) => setBusy((s) => new Set([...s].filter((id) => id !== itemId)));

  const complete = (entry: MyActionItem) => {
    if (busy.has(entry.item.id) || !guard.accept(entry.item.id)) return;
    setBusy((s) => new Set(s).add(entry.item.id));
    api.completeActionItem(entry.seriesId, entry.item.id).then(
      // Not busy once gone from the list, so an Undo brings it back open.
      () => onCompleted(entry).finally(() => idle(entry.item.id)),
      (error: unknown) => {
        idle(entry.item.id);
        onError(messageOf(error));
      },
    );
  };

  return (
    <section aria-labelledby="my-action-items">
      <h2 id="my-action-items" className={styles.heading}>
        {t('home.items.heading')}
      </h2>
      {items.length === 0 && <Text className={styles.muted}>{t('home.items.empty')}</Text>}
      <ul className={styles.list} aria-label={t('home.items.list')}>
        {items.map((entry) => {
          const overdue = entry.item.dueDate !== undefined && entry.item.dueDate < today;
          return (
            <li
              key={`${entry.seriesId}/${entry.item.id}`}
              className={styles.item}
              aria-label={entry.item.text}
              data-my-item={`${entry.seriesId}/${entry.item.id}`}
            >
              <Checkbox
                checked={busy.has(entry.item.id)}
                disabled={busy.has(entry.item.id)}
                label={t('home.items.done', { text: entry.item.text })}
                onChange={() => complete(entry)}
              />
              <Text size={200} className={overdue ? styles.overdue : styles.muted}>
                {entry.item.dueDate
                  ? t(overdue ? 'home.items.overdue' : 'home.items.due', { date: viewerDate(entry.item.dueDate, tag) })
                  : t('home.items.noDueDate')}
              </Text>
              <Text size={200} className={styles.muted}>
                {entry.seriesTitle}
              </Text>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
