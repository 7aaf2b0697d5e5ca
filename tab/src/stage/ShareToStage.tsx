import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ShareScreenStartRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { StageShare } from '../host/session.js';
import { useT } from '../i18n/useT.js';
import { Notice } from '../ui/Notice.js';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
  },
});

/** Shows the agenda to everyone in the meeting; only offered when Teams lets this person share. */
export function ShareToStage({ stageShare }: { stageShare: StageShare }) {
  const styles = useStyles();
  const t = useT();
  const [state, setState] = useState<'idle' | 'sharing' | 'shared' | { error: string }>('idle');
  return (
    <div className={styles.bar}>
      <Button
        appearance="secondary"
        icon={<ShareScreenStartRegular />}
        disabled={state === 'sharing'}
        onClick={() => {
          setState('sharing');
          stageShare.share().then(
            () => setState('shared'),
            // Teams' own words when it gives any; otherwise the panel's.
            (error: unknown) =>
              setState({ error: (error instanceof Error && error.message) || t('panel.stage.shareFailed') }),
          );
        }}
      >
        {state === 'shared' ? t('panel.stage.shared') : t('panel.stage.share')}
      </Button>
      {typeof state === 'object' && (
        <Notice
          intent="error"
          title={t('panel.stage.notShared')}
          onDismiss={() => setState('idle')}
          dismissLabel={t('panel.notice.dismiss')}
        >
          {state.error}
        </Notice>
      )}
    </div>
  );
}
