import { useEffect } from 'react';
import { setLeaving } from '../api/http.js';
import type { PanelActions } from '../store/panelActions.js';

/**
 * Nothing typed is lost when the panel closes: when the page is hidden or
 * going away, every pending draft is sent at once as a keepalive request
 * (which outlives the page), and the browser asks before unloading while
 * a save is still pending.
 */
export function useLeaveGuard(actions: PanelActions): void {
  useEffect(() => {
    // A page going away is told twice (hidden, then pagehide): each draft is sent once per
    // leaving, and again only after the page came back (visible again, or restored from the cache).
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      setLeaving(true);
      actions.drafts.flushAll();
    };
    const back = () => {
      left = false;
      setLeaving(false);
    };
    const onVisibility = () => (document.visibilityState === 'hidden' ? leave() : back());
    const onPageShow = back;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!actions.drafts.pending() && actions.unsent.get().length === 0) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('pagehide', leave);
    window.addEventListener('pageshow', onPageShow);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', leave);
      window.removeEventListener('pageshow', onPageShow);
      window.removeEventListener('beforeunload', onBeforeUnload);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [actions]);
}
