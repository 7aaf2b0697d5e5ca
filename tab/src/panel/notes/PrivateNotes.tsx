import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { LockClosedRegular } from '@fluentui/react-icons';
import { TEXT_LIMITS } from '../../../../domain/entities.js';
import { useT } from '../../i18n/useT.js';
import { selectPrivateNote } from '../../store/meetingSelectors.js';
import { useSeriesView } from '../SeriesContext.js';
import { AutosavedNoteField } from './AutosavedNoteField.js';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: {
    ...typographyStyles.subtitle2,
    margin: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
});

/** The viewer's own notes on this meeting; the service sends them to nobody else. */
export function PrivateNotes({ meetingId }: { meetingId: string }) {
  const styles = useStyles();
  const t = useT();
  const { state, actions, viewer } = useSeriesView();
  const note = selectPrivateNote(state, meetingId, viewer.userId);

  return (
    <section className={styles.section} aria-labelledby="private-notes-heading">
      <h2 id="private-notes-heading" className={styles.heading}>
        <LockClosedRegular aria-hidden />
        {t('panel.notes.private')}
      </h2>
      <AutosavedNoteField
        label={t('panel.notes.privateLabel')}
        stored={note?.text ?? ''}
        save={(text) => actions.savePrivateNote(meetingId, text)}
        maxLength={TEXT_LIMITS.privateNote}
        retryLabel={t('panel.notes.privateRetry')}
      />
    </section>
  );
}
