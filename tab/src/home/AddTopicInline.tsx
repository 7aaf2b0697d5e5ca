import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useRef, useState, type FormEvent } from 'react';
import { TEXT_LIMITS, TopicCategory } from '../../../domain/entities.js';
import type { MessageKey } from '../../../i18n/keys.js';
import { messageOf } from '../api/http.js';
import { useT } from '../i18n/useT.js';
import { CATEGORIES } from '../panel/agenda/categories.js';
import { newId } from '../store/newId.js';
import type { HomeApi } from './homeApi.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  text: { flexGrow: 1, minWidth: '200px' },
});

/** A category's name is a domain text, the same words as the panel and the cards. */
const categoryKey = (category: TopicCategory): MessageKey => `domain.category.${category}`;

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
  const t = useT();
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
    <form className={styles.form} onSubmit={submit} aria-label={t('home.addTopic.form', { name: otherName })}>
      <Field label={t('home.addTopic.text', { name: otherName })} className={styles.text}>
        <Input value={text} maxLength={TEXT_LIMITS.topic} onChange={(_, data) => setText(data.value)} />
      </Field>
      <Field label={t('home.addTopic.category')}>
        <Select value={category} onChange={(_, data) => setCategory(TopicCategory.catch('work').parse(data.value))}>
          {CATEGORIES.map((c) => (
            <option key={c.value} value={c.value}>
              {t(categoryKey(c.value))}
            </option>
          ))}
        </Select>
      </Field>
      <Button type="submit" appearance="primary" icon={<AddRegular />} disabled={saving || text.trim() === ''}>
        {t('home.addTopic.submit')}
      </Button>
    </form>
  );
}
