import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { TEXT_LIMITS } from '../../../../domain/entities.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface TopicTextEditorProps {
  initialText: string;
  onSave(text: string): Promise<void>;
  onCancel(): void;
}

/** Inline editing of a topic's text: Enter saves, Escape cancels. */
export function TopicTextEditor({ initialText, onSave, onCancel }: TopicTextEditorProps) {
  const styles = useStyles();
  const [text, setText] = useState(initialText);
  const [saving, setSaving] = useState(false);
  const unchanged = text.trim() === initialText.trim();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (unchanged) return onCancel();
    if (text.trim() === '') return;
    setSaving(true);
    void onSave(text).finally(() => setSaving(false));
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    }
  };

  return (
    <form className={styles.form} onSubmit={submit}>
      <Field
        label="Topic text"
        size="small"
        validationMessage={text.trim() === '' ? 'A topic needs some text.' : undefined}
      >
        <Input
          size="small"
          value={text}
          maxLength={TEXT_LIMITS.topic}
          autoFocus
          onChange={(_, data) => setText(data.value)}
          onKeyDown={onKeyDown}
        />
      </Field>
      <div className={styles.buttons}>
        <Button size="small" appearance="primary" type="submit" disabled={saving || text.trim() === ''}>
          Save
        </Button>
        <Button size="small" onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
