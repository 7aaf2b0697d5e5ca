import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useRef, useState, type FormEvent } from 'react';
import { TEXT_LIMITS, TopicCategory } from '../../../domain/entities.js';
import { messageOf } from '../api/http.js';
import { CATEGORIES } from '../panel/agenda/categories.js';
import { newId } from '../store/newId.js';
import type { HomeApi } from './homeApi.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  text: { flexGrow: 1, minWidth: '200px' },
});

interface Props {
  api: HomeApi;
  seriesId: string;
  meetingId: string;
  /** Who the 1:1 is with, for the field's label. */
  otherName: string;
  onAdded(text: string): void;
  onError(message: string): void;
}

/** "Add a topic" to one 1:1's next meeting, from the home, through the same route as the panel. */
export function AddTopicInline({ api, seriesId, meetingId, otherName, onAdded, onError }: Props) {
  const styles = useStyles();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<TopicCategory>('work');
  const [saving, setSaving] = useState(false);
  // One id per topic being written: a double click or a retry adds it once.
  const pendingId = useRef(newId());

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === '' || saving) return;
    setSaving(true);
    api.addTopic(seriesId, { id: pendingId.current, text: trimmed, category, meetingId }).then(
      () => {
        pendingId.current = newId();
        setText('');
        setSaving(false);
        onAdded(trimmed);
      },
      (error: unknown) => {
        setSaving(false);
        onError(messageOf(error));
      },
    );
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={`Add a topic to the 1:1 with ${otherName}`}>
      <Field label={`Topic for the next 1:1 with ${otherName}`} className={styles.text}>
        <Input value={text} maxLength={TEXT_LIMITS.topic} onChange={(_, data) => setText(data.value)} />
      </Field>
      <Field label="Category">
        <Select value={category} onChange={(_, data) => setCategory(TopicCategory.catch('work').parse(data.value))}>
          {CATEGORIES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" appearance="primary" icon={<AddRegular />} disabled={saving || text.trim() === ''}>
        Add topic
      </Button>
    </form>
  );
}
