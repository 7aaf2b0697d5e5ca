import { useEffect, useRef, type RefObject } from 'react';

/** How close to the bottom (px) still counts as "reading the latest message". */
const NEAR_BOTTOM = 48;

/**
 * Keeps a scrolling chat log at its newest message while the reader is there,
 * also when a card grows after the renderer has drawn it (cards render after
 * the message appears). A reader who scrolled up is left where they are
 * until the next message arrives, which is what the chat is for.
 */
export function useStickToBottom(
  log: RefObject<HTMLElement | null>,
  content: RefObject<HTMLElement | null>,
  /** How many messages there are: a new one brings the reader to it, wherever they were. */
  count: number,
): void {
  const pinned = useRef(true);

  useEffect(() => {
    const scroller = log.current;
    if (!scroller || count === 0) return;
    pinned.current = true;
    scroller.scrollTop = scroller.scrollHeight;
  }, [log, count]);

  useEffect(() => {
    const scroller = log.current;
    const inner = content.current;
    if (!scroller || !inner) return;
    const onScroll = () => {
      pinned.current = scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < NEAR_BOTTOM;
    };
    const observer = new ResizeObserver(() => {
      if (pinned.current) scroller.scrollTop = scroller.scrollHeight;
    });
    scroller.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(inner);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [log, content]);
}
