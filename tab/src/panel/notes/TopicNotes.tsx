import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Topic } from '../../../../domain/entities.js';
import { TEXT_LIMITS } from '../../../../domain/entities.js';
import { selectNotesOf } from '../../store/meetingSelectors.js';
import { useT } from '../../i18n/useT.js';
import { memberName } from '../../store/selectors.js';
import { useSeriesView } from '../SeriesContext.js';
import { AutosavedNoteField } from './AutosavedNoteField.js';

const useStyles = makeStyles({
  notes: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  theirs: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    // Griffel mirrors left/right itself under FluentProvider's dir="rtl".
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  empty: { color: tokens.colorNeutralForeground3 },
});

/**
 * Shared notes on one topic: the viewer writes their own entry (saved as they
 * type), and reads the other member's, which updates live. Two people typing
 * at once never overwrite each other: each has their own record.
 */
export function TopicNotes({ topic, readOnly = false }: { topic: Topic; readOnly?: boolean }) {
  const styles = useStyles();
  const t = useT();
  const { state, actions, series, viewer } = useSeriesView();
  const { mine, theirs } = selectNotesOf(state, topic.id, viewer.userId);
  const other = series.members.find((m) => m.userId !== viewer.userId);
  const placeholder = other ? [{ authorId: other.userId, text: '', id: 'none' }] : [];
  // Read-only (a past meeting): only notes someone wrote; live: the other's entry, even while empty.
  const others = readOnly ? theirs.filter((n) => n.text.trim()) : theirs.length > 0 ? theirs : placeholder;

  return (
    <div className={styles.notes}>
      {readOnly ? (
        mine?.text.trim() && (
          <div className={styles.theirs}>
            <Text size={200} weight="semibold">
              {t('panel.notes.yours')}
            </Text>
            <Text className={styles.text}>{mine.text}</Text>
          </div>
        )
      ) : (
        <AutosavedNoteField
          label={t('panel.notes.yours')}
          stored={mine?.text ?? ''}
          save={(text) => actions.saveSharedNote(topic.id, text)}
          maxLength={TEXT_LIMITS.note}
          placeholder={t('panel.notes.shared')}
          retryLabel={t('panel.notes.retry')}
        />
      )}
      {others.map((note) => {
        const name = memberName(series, note.authorId, t);
        return (
          <div key={note.id} className={styles.theirs} role="group" aria-label={t('panel.notes.theirs', { name })}>
            <Text size={200} weight="semibold">
              {t('panel.notes.theirs', { name })}
            </Text>
            <Text className={note.text ? styles.text : styles.empty}>
              {note.text || t('panel.notes.theirsEmpty', { name })}
            </Text>
          </div>
        );
      })}
    </div>
  );
}
