import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ShareScreenStartRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { StageShare } from '../host/session.js';
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
            (error: unknown) =>
              setState({ error: error instanceof Error ? error.message : 'Teams could not share the agenda.' }),
          );
        }}
      >
        {state === 'shared' ? 'Agenda shared to the stage' : 'Share agenda to stage'}
      </Button>
      {typeof state === 'object' && (
        <Notice intent="error" title="The agenda was not shared" onDismiss={() => setState('idle')}>
          {state.error}
        </Notice>
      )}
    </div>
  );
}
