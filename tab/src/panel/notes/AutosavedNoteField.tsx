import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/useT.js';
import { limitOf } from '../../ui/limits.js';
import { useSeriesView } from '../SeriesContext.js';
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
  const t = useT();
  const { actions } = useSeriesView();
  const notes = useAutosave(stored, save, { drafts: actions.drafts, limit: maxLength });
  const limit = limitOf(notes.text, maxLength, 'note', t);
  const status = notes.status === 'idle' ? undefined : t(statusText(notes.status));
  return (
    <>
      <Field
        label={label}
        validationState={limit.state}
        validationMessage={limit.message}
        hint={status && <span className={styles.status}>{status}</span>}
      >
        <Textarea
          value={notes.text}
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
