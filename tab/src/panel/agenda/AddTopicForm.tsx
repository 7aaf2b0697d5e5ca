import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { TEXT_LIMITS, TopicCategory } from '../../../../domain/entities.js';
import { useT } from '../../i18n/useT.js';
import { useSeriesView } from '../SeriesContext.js';
import { limitOf } from '../../ui/limits.js';
import { CATEGORIES } from './categories.js';
import { NEW_TOPIC_INPUT_ID } from './useAgendaFocus.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'flex', alignItems: 'flex-end', gap: tokens.spacingHorizontalS },
  grow: { flexGrow: 1, minWidth: 0 },
});

/** Add a topic to the current meeting's agenda. */
export function AddTopicForm() {
  const styles = useStyles();
  const t = useT();
  const { actions, viewer } = useSeriesView();
  const [text, setText] = useState('');
  const [category, setCategory] = useState<TopicCategory>('work');
  const [saving, setSaving] = useState(false);

  const limit = limitOf(text, TEXT_LIMITS.topic, 'topic', t);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '' || limit.over) return;
    setSaving(true);
    void actions.addTopic(text, category).then((added) => {
      setSaving(false);
      if (added) setText('');
    });
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-label={t('panel.agenda.addForm')}>
      <Field label={t('panel.agenda.newTopic')} validationState={limit.state} validationMessage={limit.message}>
        <Input
          id={NEW_TOPIC_INPUT_ID}
          aria-keyshortcuts="N"
          value={text}
          placeholder={t('panel.agenda.newTopicPlaceholder', { role: viewer.role })}
          onChange={(_, data) => setText(data.value)}
        />
      </Field>
      <div className={styles.row}>
        <Field label={t('panel.agenda.category')} className={styles.grow}>
          <Select value={category} onChange={(_, data) => setCategory(TopicCategory.catch('work').parse(data.value))}>
            {CATEGORIES.map((c) => (
              <option key={c.value} value={c.value}>
                {t(c.label)}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          type="submit"
          appearance="primary"
          icon={<AddRegular />}
          disabled={saving || text.trim() === '' || limit.over}
        >
          {t('panel.agenda.addTopic')}
        </Button>
      </div>
    </form>
  );
}
