import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody } from '@fluentui/react-components';
import { ArrowUndoRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT.js';
import { focusBack, focusedElement, isTextField } from '../ui/focusReturn.js';

const useStyles = makeStyles({
  bar: { minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  body: { minWidth: 0, overflowWrap: 'anywhere' },
});

interface Props {
  text: string;
  onUndo(): void;
  onDismiss(): void;
}

/**
 * "Marked done: …" with Undo, where the item was ticked away: focus moves to
 * Undo (one Enter away), Ctrl+Z (⌘Z) undoes while it shows, and it stays
 * until the person undoes, dismisses it, or ticks the next one. Dismissing
 * hands focus back to where it came from.
 */
export function UndoNotice({ text, onUndo, onDismiss }: Props) {
  const t = useT();
  const styles = useStyles();
  const undoButton = useRef<HTMLButtonElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const undo = useRef(onUndo);
  undo.current = onUndo;

  // Once per notice (a new text is a new tick), not on every render.
  useEffect(() => {
    cameFrom.current = focusedElement();
    undoButton.current?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 'z' || isTextField(event.target)) return;
      event.preventDefault();
      undo.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [text]);

  const dismiss = () => {
    onDismiss();
    focusBack(cameFrom.current, () => document.querySelector<HTMLElement>('[data-my-item] input'));
  };

  return (
    <MessageBar
      intent="success"
      layout="multiline"
      className={styles.bar}
      onKeyDown={(event) => event.key === 'Escape' && dismiss()}
    >
      <MessageBarBody className={styles.body}>
        <span role="status">{text}</span>
      </MessageBarBody>
      <MessageBarActions
        containerAction={
          <Button appearance="transparent" aria-label={t('home.dismiss')} icon={<DismissRegular />} onClick={dismiss} />
        }
      >
        <Button ref={undoButton} icon={<ArrowUndoRegular />} aria-keyshortcuts="Control+Z Meta+Z" onClick={onUndo}>
          {t('home.items.undo')}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
