import {
  Button,
  makeStyles,
  Toast,
  Toaster,
  ToastTitle,
  tokens,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { ArrowUndoRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect, useRef } from 'react';
import { useT } from '../../i18n/useT.js';
import type { Deleted } from '../../store/meetingActions.js';
import { useSignal } from '../../store/useSignal.js';
import { focusBack, focusedElement, focusFirst, isTextField } from '../../ui/focusReturn.js';
import { NEW_ACTION_ITEM_INPUT_ID } from '../actionItems/AddActionItemForm.js';
import { NEW_TOPIC_INPUT_ID } from '../agenda/useAgendaFocus.js';
import { useSeriesView } from '../SeriesContext.js';

const UNDO_TOAST_MS = 15_000;

const useStyles = makeStyles({
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
});

/** Where a deleted record's row is, once it is back. */
function rowOf(deleted: Deleted): HTMLElement | null {
  const id = CSS.escape(deleted.id);
  return deleted.kind === 'topic'
    ? document.querySelector<HTMLElement>(`[data-topic-id="${id}"]`)
    : document.querySelector<HTMLElement>(`[data-item-id="${id}"] input`);
}

/** Where focus goes when the place it came from is gone: the list's current row, else its "new" field. */
function nearest(deleted: Deleted): HTMLElement | null {
  return deleted.kind === 'topic'
    ? (document.querySelector<HTMLElement>('[data-topic-id][tabindex="0"]') ??
        document.getElementById(NEW_TOPIC_INPUT_ID))
    : (document.querySelector<HTMLElement>('[data-item-id] input') ??
        document.getElementById(NEW_ACTION_ITEM_INPUT_ID));
}

/**
 * After a delete, by this person or the other one: a toast at the bottom of
 * the panel, in view wherever the person scrolled, saying what went and
 * offering Undo. After the person's own delete focus moves to Undo (one
 * Enter away); Ctrl+Z (⌘Z) undoes while the toast shows; the toast stays
 * while it has focus or the pointer. Focus goes back to the restored row on
 * Undo, and to where it came from when the toast is dismissed.
 */
export function UndoToast() {
  const t = useT();
  const { actions } = useSeriesView();
  const toasterId = useId('undo-toaster');
  const { dispatchToast, dismissAllToasts, pauseToast, playToast } = useToastController(toasterId);
  const deleted = useSignal(actions.lastDeleted);
  // A new id per toast: a topic deleted again while its last toast is still leaving gets a toast of its own.
  const shown = useRef(0);

  useEffect(() => {
    dismissAllToasts();
    if (!deleted) return;
    const toastId = `${deleted.id}#${(shown.current += 1)}`;
    const undo = () => {
      void actions.undoDelete();
      actions.said.set({ id: Date.now(), text: t('panel.undo.done', { text: deleted.text }) });
      focusFirst([() => rowOf(deleted), () => nearest(deleted)], 30);
    };
    dispatchToast(
      <UndoContent
        deleted={deleted}
        onUndo={undo}
        onDismiss={(cameFrom) => {
          actions.dismissUndo();
          focusBack(cameFrom, () => nearest(deleted));
        }}
        hold={(held) => (held ? pauseToast(toastId) : playToast(toastId))}
      />,
      {
        toastId,
        intent: 'info',
        timeout: UNDO_TOAST_MS,
        pauseOnHover: true,
        politeness: 'polite',
        onStatusChange: (_, data) => {
          if (data.status === 'dismissed' && actions.lastDeleted.get() === deleted) actions.dismissUndo();
        },
      },
    );
    // Ctrl+Z / ⌘Z anywhere but in a text field, where it undoes typing.
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      if (event.key.toLowerCase() !== 'z' || isTextField(event.target)) return;
      event.preventDefault();
      undo();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [deleted, dispatchToast, dismissAllToasts, pauseToast, playToast, actions, t]);

  return <Toaster toasterId={toasterId} position="bottom" limit={1} />;
}

interface UndoContentProps {
  deleted: Deleted;
  onUndo(): void;
  /** Called with the element focus came from before it moved into the toast. */
  onDismiss(cameFrom: HTMLElement | null): void;
  /** True while the toast has focus or the pointer: it must not leave then. */
  hold(held: boolean): void;
}

function UndoContent({ deleted, onUndo, onDismiss, hold }: UndoContentProps) {
  const t = useT();
  const styles = useStyles();
  const undoButton = useRef<HTMLButtonElement>(null);
  const cameFrom = useRef<HTMLElement | null>(null);
  const hovered = useRef(false);
  const focused = useRef(false);
  const update = () => hold(hovered.current || focused.current);

  // Only the person who deleted is moved: the other person's delete must not take their focus.
  useEffect(() => {
    if (deleted.by) return;
    const frame = requestAnimationFrame(() => {
      cameFrom.current = focusedElement();
      undoButton.current?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [deleted]);

  return (
    <Toast
      onFocus={(event) => {
        if (!focused.current && !event.currentTarget.contains(event.relatedTarget as Node | null))
          cameFrom.current ??= event.relatedTarget instanceof HTMLElement ? event.relatedTarget : null;
        focused.current = true;
        update();
      }}
      onBlur={(event) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        focused.current = false;
        update();
      }}
      onMouseEnter={() => {
        hovered.current = true;
        update();
      }}
      onMouseLeave={() => {
        hovered.current = false;
        update();
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onDismiss(cameFrom.current);
      }}
    >
      <ToastTitle
        action={
          <span className={styles.actions}>
            <Button
              ref={undoButton}
              size="small"
              icon={<ArrowUndoRegular />}
              aria-keyshortcuts="Control+Z Meta+Z"
              onClick={onUndo}
            >
              {t('panel.undo.undo')}
            </Button>
            <Button
              size="small"
              appearance="subtle"
              icon={<DismissRegular />}
              aria-label={t('panel.notice.dismiss')}
              onClick={() => onDismiss(cameFrom.current)}
            />
          </span>
        }
      >
        {deleted.by
          ? t('panel.undo.deletedBy', { name: deleted.by, text: deleted.text })
          : t('panel.undo.deleted', { kind: deleted.kind, text: deleted.text })}
      </ToastTitle>
    </Toast>
  );
}
