import { useEffect, useRef, type FocusEvent } from 'react';
import { useSeriesView } from './SeriesContext.js';

interface EditorDraft {
  /** Something typed that differs from what the editor started from, and could be saved as it is. */
  pending(): boolean;
  /** Save it now with the editor's base version; must start its request synchronously (the page may be going away). */
  save(): void;
}

/**
 * An open editor is a draft: leaving the page (pagehide / hidden tab) saves it
 * as a keepalive request, the browser asks before unloading while it is
 * pending, and an editor that disappears for another reason (the topic moved
 * on, the section closed) saves it too. The save names the editor's base
 * version, so it never overwrites a change the other person made meanwhile
 * (the service answers 409 and keeps theirs). `settle` ends the draft: the
 * editor calls it when the person cancels, takes the other's text, or their
 * own save went through.
 */
export function useEditorDraft(draft: EditorDraft): { settle(): void } {
  const { actions } = useSeriesView();
  const current = useRef(draft);
  current.current = draft;
  const settled = useRef(false);

  useEffect(() => {
    const registered = {
      pending: () => !settled.current && current.current.pending(),
      flushNow: () => current.current.save(),
    };
    const unregister = actions.drafts.register(registered);
    return () => {
      unregister();
      if (registered.pending()) registered.flushNow();
    };
  }, [actions.drafts]);

  return useRef({ settle: () => void (settled.current = true) }).current;
}

/**
 * Calls `leave` when the focus has left the editor for something else on this
 * page (a click or Tab elsewhere in the panel). Not when another window or
 * frame took the focus — the Teams chat, another app: the person comes back
 * to the editor as they left it, and closing the page is the draft's job.
 * Checked once the focus has settled, when `document.hasFocus()` is reliable.
 */
export function onFocusLeft(event: FocusEvent<HTMLElement>, leave: () => void): void {
  const editor = event.currentTarget;
  if (editor.contains(event.relatedTarget as Node | null)) return;
  setTimeout(() => {
    if (document.hasFocus() && !editor.contains(document.activeElement)) leave();
  }, 0);
}
