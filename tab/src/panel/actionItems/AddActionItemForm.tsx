import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import { TEXT_LIMITS, type Topic } from '../../../../domain/entities.js';
import { limitOf } from '../../ui/limits.js';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { fieldHalf, fieldRow } from '../../ui/styles.js';
import { useSeriesView } from '../SeriesContext.js';
import { formatDueDate, todayIsoDate } from './dates.js';

/** The section's own "New action item" field: where focus goes when the last item is deleted. */
export const NEW_ACTION_ITEM_INPUT_ID = 'new-action-item-input';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: fieldRow,
  half: fieldHalf,
  // Date and select inputs have an intrinsic width wider than half of a 280 px panel.
  fill: { width: '100%', minWidth: 0 },
});

interface AddActionItemFormProps {
  /** Set when the item is agreed on a topic: it is linked to it. */
  topic?: Topic;
  onAdded?(): void;
}

/** Capture an action item: what, who owns it (either member), and optionally by when. */
export function AddActionItemForm({ topic, onAdded }: AddActionItemFormProps = {}) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const { actions, series, viewer } = useSeriesView();
  const [text, setText] = useState('');
  const [ownerId, setOwnerId] = useState(viewer.userId);
  const [dueDate, setDueDate] = useState('');
  const [saving, setSaving] = useState(false);
  const [pastOk, setPastOk] = useState(false);
  const limit = limitOf(text, TEXT_LIMITS.actionItem, 'actionItem', t);
  const past = dueDate !== '' && dueDate < todayIsoDate();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '' || limit.over) return;
    // A due date in the past is most likely a slip: ask once, then take it.
    if (past && !pastOk) return setPastOk(true);
    setSaving(true);
    void actions.addActionItem({ text, ownerId, dueDate: dueDate || undefined, topicId: topic?.id }).then((added) => {
      setSaving(false);
      if (!added) return;
      setText('');
      setDueDate('');
      setPastOk(false);
      onAdded?.();
    });
  };

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      aria-label={topic ? t('panel.items.addFormFor', { text: topic.text }) : t('panel.items.addForm')}
    >
      <Field label={t('panel.items.new')} validationState={limit.state} validationMessage={limit.message}>
        <Input
          id={topic ? undefined : NEW_ACTION_ITEM_INPUT_ID}
          value={text}
          placeholder={t('panel.items.placeholder')}
          autoFocus={topic !== undefined}
          onChange={(_, data) => setText(data.value)}
        />
      </Field>
      <div className={styles.row}>
        <Field label={t('panel.item.owner')} className={styles.half}>
          <Select className={styles.fill} value={ownerId} onChange={(_, data) => setOwnerId(data.value)}>
            {series.members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('panel.items.dueOptional')} className={styles.half}>
          <Input
            className={styles.fill}
            type="date"
            value={dueDate}
            onChange={(_, data) => {
              setDueDate(data.value);
              setPastOk(false);
            }}
          />
        </Field>
      </div>
      {past && pastOk && (
        <Text role="alert">{t('panel.item.pastDate', { date: formatDueDate(dueDate, tag), action: 'add' })}</Text>
      )}
      <Button
        type="submit"
        appearance="primary"
        icon={<AddRegular />}
        disabled={saving || text.trim() === '' || limit.over}
      >
        {past && pastOk ? t('panel.items.addAnyway') : t('panel.topic.menu.addActionItem')}
      </Button>
    </form>
  );
}
