import { makeStyles } from '@fluentui/react-components';
import { useSignal } from '../store/useSignal.js';
import { visuallyHidden } from '../ui/styles.js';
import { useSeriesView } from './SeriesContext.js';

const useStyles = makeStyles({ region: visuallyHidden });

/** The other person's changes, said politely to screen readers ("Sam added ‘Career plan’"). */
export function LiveAnnouncer() {
  const styles = useStyles();
  const { actions } = useSeriesView();
  const said = useSignal(actions.said);
  return (
    <div className={styles.region} role="status" aria-live="polite" aria-atomic="true" data-testid="announcements">
      {said && <span key={said.id}>{said.text}</span>}
    </div>
  );
}
