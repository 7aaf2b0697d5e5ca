import { Button, Field, makeStyles, Textarea, tokens, typographyStyles } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { TEXT_LIMITS } from '../../../../domain/entities.js';
import { selectPrivateNote } from '../../store/meetingSelectors.js';
import { useSeriesView } from '../SeriesContext.js';
import { statusText, useAutosave } from './useAutosave.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: {
    ...typographyStyles.subtitle2,
    margin: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  status: { color: tokens.colorNeutralForeground2 },
});

/** The viewer's own notes on this meeting; the service sends them to nobody else. */
export function PrivateNotes({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const { state, actions, viewer } = useSeriesView();
  const note = selectPrivateNote(state, meetingId, viewer.userId);
  const notes = useAutosave(note?.text ?? '', (text) => actions.savePrivateNote(meetingId, text));

  return (
    <section className={styles.section} aria-labelledby="private-notes-heading">
      <h2 id="private-notes-heading" className={styles.heading}>
        <LockClosedRegular aria-hidden />
        Private notes
      </h2>
      <Field
        label="Private notes — only you can see these"
        hint={notes.status === 'idle' ? undefined : <span className={styles.status}>{statusText(notes.status)}</span>}
      >
        <Textarea
          value={notes.text}
          maxLength={TEXT_LIMITS.privateNote}
          resize="vertical"
          onChange={(_, data) => notes.change(data.value)}
          onBlur={() => void notes.flush()}
        />
      </Field>
      {notes.status === 'failed' && (
        <Button size="small" onClick={() => void notes.flush()}>
          Retry saving your private notes
        </Button>
      )}
    </section>
  );
}
