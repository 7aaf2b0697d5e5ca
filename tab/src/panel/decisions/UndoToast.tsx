import {
  Button,
  Toast,
  ToastBody,
  Toaster,
  ToastTitle,
  ToastTrigger,
  useId,
  useToastController,
} from '@fluentui/react-components';
import { ArrowUndoRegular, DismissRegular } from '@fluentui/react-icons';
import { useEffect } from 'react';
import { useT } from '../../i18n/useT.js';
import type { Deleted } from '../../store/meetingActions.js';
import { useSignal } from '../../store/useSignal.js';
import { useSeriesView } from '../SeriesContext.js';

const UNDO_TOAST_MS = 15_000;

/**
 * After a delete, by this person or the other one: a toast at the bottom of
 * the panel, in view wherever the person scrolled, saying what went and
 * offering Undo. The toaster announces it politely to screen readers.
 */
export function UndoToast() {
  const { actions } = useSeriesView();
  const toasterId = useId('undo-toaster');
  const { dispatchToast, dismissAllToasts } = useToastController(toasterId);
  const deleted = useSignal(actions.lastDeleted);

  useEffect(() => {
    dismissAllToasts();
    if (!deleted) return;
    dispatchToast(<UndoContent deleted={deleted} />, {
      toastId: deleted.id,
      intent: 'info',
      timeout: UNDO_TOAST_MS,
      pauseOnHover: true,
      politeness: 'polite',
      onStatusChange: (_, data) => {
        if (data.status === 'dismissed' && actions.lastDeleted.get() === deleted) actions.dismissUndo();
      },
    });
  }, [deleted, dispatchToast, dismissAllToasts, actions]);

  return <Toaster toasterId={toasterId} position="bottom" limit={1} />;
}

function UndoContent({ deleted }: { deleted: Deleted }) {
  const t = useT();
  const { actions } = useSeriesView();
  return (
    <Toast>
      <ToastTitle
        action={
          <ToastTrigger>
            <Button size="small" appearance="subtle" icon={<DismissRegular />} aria-label={t('panel.notice.dismiss')} />
          </ToastTrigger>
        }
      >
        {deleted.by
          ? t('panel.undo.deletedBy', { name: deleted.by, text: deleted.text })
          : t('panel.undo.deleted', { kind: deleted.kind, text: deleted.text })}
      </ToastTitle>
      <ToastBody>
        <Button size="small" icon={<ArrowUndoRegular />} onClick={() => void actions.undoDelete()}>
          {t('panel.undo.undo')}
        </Button>
      </ToastBody>
    </Toast>
  );
}
