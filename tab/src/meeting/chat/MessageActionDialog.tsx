import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Spinner,
  tokens,
  typographyStyles,
} from '@fluentui/react-components';
import { useT } from '../../i18n/useT.js';
import { Notice } from '../../ui/Notice.js';
import { AdaptiveCardView } from './AdaptiveCardView.js';
import type { MessageActions } from './useMessageAction.js';

const useStyles = makeStyles({
  // User and bot text is shown as text (React escapes it), line breaks kept.
  text: { ...typographyStyles.body1, margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * The dialog of a message action, drawn as Teams draws a task module: the
 * bot's title, its Adaptive Card (Action.Submit sends the card's values back
 * to the bot), or the message the bot answered with.
 */
export function MessageActionDialog({ actions, hostConfig }: { actions: MessageActions; hostConfig: object }) {
  const styles = useStyles();
  const t = useT();
  const { open } = actions;
  const step = open?.step;
  const title =
    (step && typeof step === 'object' && 'title' in step ? step.title : undefined) ??
    (open && 'title' in open ? open.title : undefined) ??
    t('pages.chat.addToAgenda');

  return (
    <Dialog open={open !== undefined} onOpenChange={(_, data) => !data.open && actions.close()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            {step === 'loading' && <Spinner size="small" label={t('pages.chat.dialogLoading')} />}
            {typeof step === 'object' && step.kind === 'dialog' && (
              <AdaptiveCardView
                card={step.card}
                hostConfig={hostConfig}
                onAction={(event) => event.kind === 'submit' && actions.submit(event.data)}
              />
            )}
            {typeof step === 'object' && step.kind === 'message' && (
              <p className={styles.text} role="status">
                {step.text}
              </p>
            )}
            {typeof step === 'object' && step.kind === 'failed' && <Notice intent="error">{step.text}</Notice>}
          </DialogContent>
          <DialogActions>
            <Button onClick={actions.close}>{t('pages.chat.dialogClose')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
