import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { statusText, useAutosave } from './useAutosave.js';

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground2 },
});

interface AutosavedNoteFieldProps {
  label: string;
  /** The text as stored (it may change live, from another device). */
  stored: string;
  save: (text: string) => Promise<boolean>;
  maxLength: number;
  placeholder?: string;
  retryLabel: string;
}

/** A note that saves itself as the person types, with its save status and a retry after a failure. */
export function AutosavedNoteField({
  label,
  stored,
  save,
  maxLength,
  placeholder,
  retryLabel,
}: AutosavedNoteFieldProps) {
  const styles = useStyles();
  const notes = useAutosave(stored, save);
  return (
    <>
      <Field
        label={label}
        hint={notes.status === 'idle' ? undefined : <span className={styles.status}>{statusText(notes.status)}</span>}
      >
        <Textarea
          value={notes.text}
          maxLength={maxLength}
          resize="vertical"
          {...(placeholder ? { placeholder } : {})}
          onChange={(_, data) => notes.change(data.value)}
          onBlur={() => void notes.flush()}
        />
      </Field>
      {notes.status === 'failed' && (
        <Button size="small" onClick={() => void notes.flush()}>
          {retryLabel}
        </Button>
      )}
    </>
  );
}
