import { makeStyles, PresenceBadge, tokens, typographyStyles } from '@fluentui/react-components';
import { useT } from '../i18n/useT.js';
import { otherMember } from '../store/selectors.js';
import { NextMeeting } from './header/NextMeeting.js';
import { useSeriesView } from './SeriesContext.js';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { ...typographyStyles.subtitle1, margin: 0, overflowWrap: 'anywhere' },
  presence: {
    ...typographyStyles.caption1,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    margin: 0,
    color: tokens.colorNeutralForeground2,
  },
});

/** Series title, whether the other member has the panel open right now, and when the 1:1 meets next. */
export function PanelHeader() {
  const styles = useStyles();
  const t = useT();
  const { state, series, viewer } = useSeriesView();
  const other = otherMember(series, viewer);
  // While live updates are paused nobody can be seen coming or going: say so rather than guess.
  const here = state.live === 'offline' ? 'unknown' : other && state.online.includes(other.userId) ? 'yes' : 'no';
  const badge = ({ yes: 'available', no: 'offline', unknown: 'unknown' } as const)[here];

  return (
    <header className={styles.header}>
      <h1 className={styles.title}>{series.title || '1:1'}</h1>
      {other && (
        <p className={styles.presence} role="status">
          <PresenceBadge size="extra-small" status={badge} aria-hidden />
          {t('panel.header.presence', { name: other.name, role: other.role, here })}
        </p>
      )}
      <NextMeeting />
    </header>
  );
}
