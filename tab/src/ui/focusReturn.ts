/**
 * Where focus goes back to when a dialog, menu, list or toast closes: the
 * element it came from, or when that is gone (a deleted row, an ended
 * meeting's End button) the first of the fallbacks still on the page, so
 * focus is never left on the body, where the next keys would do nothing.
 */
export function focusBack(from: Element | null | undefined, ...fallbacks: Candidate[]): void {
  focusFirst([() => from, ...fallbacks]);
}

type Candidate = () => Element | null | undefined;

/**
 * Focuses the first candidate that is on the page. The first one may take a
 * few frames to appear (a restored row renders after its change is applied):
 * the others are tried only once it has not come.
 */
export function focusFirst(candidates: readonly Candidate[], framesToWait = 1): void {
  const tryFocus = (el: Element | null | undefined): boolean => {
    if (!(el instanceof HTMLElement) || !el.isConnected || el === document.body) return false;
    el.focus();
    return document.activeElement === el;
  };
  let frame = 0;
  const step = () => {
    frame += 1;
    if (tryFocus(candidates[0]?.())) return;
    if (frame < framesToWait) return void requestAnimationFrame(step);
    for (const candidate of candidates.slice(1)) if (tryFocus(candidate())) return;
  };
  requestAnimationFrame(step);
}

/** The element that has focus now, unless that is the body (nothing to come back to). */
export function focusedElement(): HTMLElement | null {
  const el = document.activeElement;
  return el instanceof HTMLElement && el !== document.body ? el : null;
}

/** Marks the parts of the panel where single-key shortcuts act (the agenda, the action items). */
export const SHORTCUT_SCOPE = 'data-shortcut-scope';

/** True when a key typed with focus there may be a single-key shortcut. */
export function inShortcutScope(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest(`[${SHORTCUT_SCOPE}]`) !== null;
}

/** True when a key typed there is text (its own Ctrl+Z undoes typing), not a command. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) && !isCheckbox(target));
}

function isCheckbox(el: HTMLElement): boolean {
  return el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
}
