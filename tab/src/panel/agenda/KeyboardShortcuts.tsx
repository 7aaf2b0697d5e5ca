import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { KeyboardRegular } from '@fluentui/react-icons';
import { Fragment, useEffect, useState } from 'react';
import { sectionHeading } from '../../ui/styles.js';
import { NEW_TOPIC_INPUT_ID } from './useAgendaFocus.js';

const useStyles = makeStyles({
  surface: {
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  heading: sectionHeading,
  list: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: `${tokens.spacingVerticalS} 0 0`,
  },
  key: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  what: { margin: 0 },
});

/** The keys the panel answers to; README's "Keyboard shortcuts" table lists the same. */
export const SHORTCUTS: readonly [string, string][] = [
  ['N', 'New topic'],
  ['↑ ↓', 'Previous / next topic'],
  ['Enter', 'Open or close a topic (notes)'],
  ['D or Space', 'Mark discussed (again: reopen)'],
  ['Alt+↑ / Alt+↓', 'Move the topic up / down'],
  ['E', 'Edit the topic’s text'],
  ['A', 'Add an action item to the topic'],
  ['Shift+F10', 'More for the topic (menu)'],
  ['Delete', 'Delete the topic (Undo brings it back)'],
  ['?', 'This list'],
];

/** True when a key typed there is text, not a command. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.role === 'menuitem'
  );
}

/** The panel-wide keys: N jumps to "New topic", ? shows the "Keyboard shortcuts" help. */
export function useKeyboardShortcuts() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        document.getElementById(NEW_TOPIC_INPUT_ID)?.focus();
      } else if (event.key === '?') {
        event.preventDefault();
        setOpen(true);
        requestAnimationFrame(() =>
          document.getElementById('shortcuts-heading')?.parentElement?.querySelector('button')?.focus(),
        );
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return { open, toggle: () => setOpen((o) => !o), close: () => setOpen(false) };
}

/** The button that shows or hides the shortcuts list (beside the agenda heading). */
export function ShortcutsButton({ open, toggle }: { open: boolean; toggle(): void }) {
  return (
    <Button
      size="small"
      appearance="subtle"
      icon={<KeyboardRegular />}
      aria-label="Keyboard shortcuts"
      title="Keyboard shortcuts (?)"
      aria-keyshortcuts="?"
      aria-expanded={open}
      aria-controls="keyboard-shortcuts"
      onClick={toggle}
    />
  );
}

/** The list itself, shown inline under the heading (a side panel has no room for a dialog). */
export function ShortcutsHelp({ close }: { close(): void }) {
  const styles = useStyles();
  return (
    <section
      id="keyboard-shortcuts"
      className={styles.surface}
      aria-labelledby="shortcuts-heading"
      onKeyDown={(event) => event.key === 'Escape' && close()}
    >
      <h3 id="shortcuts-heading" className={styles.heading}>
        Keyboard shortcuts
      </h3>
      <dl className={styles.list}>
        {SHORTCUTS.map(([keys, what]) => (
          <Fragment key={keys}>
            <dt className={styles.key}>{keys}</dt>
            <dd className={styles.what}>{what}</dd>
          </Fragment>
        ))}
      </dl>
      <Button size="small" onClick={close}>
        Close
      </Button>
    </section>
  );
}
