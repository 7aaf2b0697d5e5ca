import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { MyActionItem } from '../../../domain/home.js';
import { messageOf } from '../api/http.js';
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
  onChanged(message: string): void;
  onError(message: string): void;
}

/** My open action items across all my 1:1s, by due date; ticking one marks it done in its 1:1. */
export function MyActionItems({ items, api, today, onChanged, onError }: Props) {
  const styles = useStyles();
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());

  const complete = (entry: MyActionItem) => {
    if (busy.has(entry.item.id)) return;
    setBusy((s) => new Set(s).add(entry.item.id));
    api.completeActionItem(entry.seriesId, entry.item.id).then(
      () => onChanged(`Done: ${entry.item.text}`),
      (error: unknown) => {
        setBusy((s) => new Set([...s].filter((id) => id !== entry.item.id)));
        onError(messageOf(error));
      },
    );
  };

  return (
    <section aria-labelledby="my-action-items">
      <h2 id="my-action-items" className={styles.heading}>
        My action items
      </h2>
      {items.length === 0 && <Text className={styles.muted}>Nothing open. Well done.</Text>}
      <ul className={styles.list} aria-label="My open action items">
        {items.map((entry) => {
          const overdue = entry.item.dueDate !== undefined && entry.item.dueDate < today;
          return (
            <li key={`${entry.seriesId}/${entry.item.id}`} className={styles.item} aria-label={entry.item.text}>
              <Checkbox
                checked={busy.has(entry.item.id)}
                disabled={busy.has(entry.item.id)}
                label={`Done: ${entry.item.text}`}
                onChange={() => complete(entry)}
              />
              <Text size={200} className={overdue ? styles.overdue : styles.muted}>
                {entry.item.dueDate
                  ? `${overdue ? 'Overdue, was due' : 'Due'} ${viewerDate(entry.item.dueDate)}`
                  : 'No due date'}
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
