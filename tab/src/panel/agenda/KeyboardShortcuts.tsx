import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { KeyboardRegular } from '@fluentui/react-icons';
import { Fragment, useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../../../i18n/keys.js';
import { useT } from '../../i18n/useT.js';
import { focusBack, focusedElement, inShortcutScope } from '../../ui/focusReturn.js';
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

/**
 * The keys the panel answers to (README's "Keyboard shortcuts" table lists
 * the same): the keys' names and what they do, both from the catalog, since
 * keyboards name Enter, Space and Delete in their own language.
 */
export const SHORTCUTS: readonly (readonly [MessageKey, MessageKey])[] = [
  ['panel.shortcuts.keys.newTopic', 'panel.shortcuts.newTopic'],
  ['panel.shortcuts.keys.nextTopic', 'panel.shortcuts.nextTopic'],
  ['panel.shortcuts.keys.open', 'panel.shortcuts.open'],
  ['panel.shortcuts.keys.discussed', 'panel.shortcuts.discussed'],
  ['panel.shortcuts.keys.move', 'panel.shortcuts.move'],
  ['panel.shortcuts.keys.edit', 'panel.shortcuts.edit'],
  ['panel.shortcuts.keys.actionItem', 'panel.shortcuts.actionItem'],
  ['panel.shortcuts.keys.menu', 'panel.shortcuts.menu'],
  ['panel.shortcuts.keys.delete', 'panel.shortcuts.delete'],
  ['panel.shortcuts.keys.undo', 'panel.shortcuts.undo'],
  ['panel.shortcuts.keys.help', 'panel.shortcuts.help'],
];

/** True when a key typed there is text, not a command. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.role === 'menuitem'
  );
}

const SHORTCUTS_BUTTON_ID = 'shortcuts-button';

/**
 * The panel-wide keys: N jumps to "New topic", ? shows the "Keyboard
 * shortcuts" help. Single keys act only with focus in the agenda or the
 * action items: typed on the page's body (after focus fell there) or in a
 * text field they are just letters.
 */
export function useKeyboardShortcuts() {
  const [open, setOpen] = useState(false);
  const cameFrom = useRef<HTMLElement | null>(null);

  const show = () => {
    cameFrom.current = focusedElement();
    setOpen(true);
    requestAnimationFrame(() =>
      document.getElementById('shortcuts-heading')?.parentElement?.querySelector('button')?.focus(),
    );
  };
  const close = () => {
    setOpen(false);
    focusBack(cameFrom.current, () => document.getElementById(SHORTCUTS_BUTTON_ID));
  };

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target) || !inShortcutScope(event.target))
        return;
      if (event.key === 'n' || event.key === 'N') {
        event.preventDefault();
        document.getElementById(NEW_TOPIC_INPUT_ID)?.focus();
      } else if (event.key === '?') {
        event.preventDefault();
        show();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  return { open, toggle: () => (open ? close() : show()), close };
}

/** The button that shows or hides the shortcuts list (beside the agenda heading). */
export function ShortcutsButton({ open, toggle }: { open: boolean; toggle(): void }) {
  const t = useT();
  return (
    <Button
      id={SHORTCUTS_BUTTON_ID}
      size="small"
      appearance="subtle"
      icon={<KeyboardRegular />}
      aria-label={t('panel.shortcuts.title')}
      title={t('panel.shortcuts.button')}
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
  const t = useT();
  return (
    <section
      id="keyboard-shortcuts"
      className={styles.surface}
      aria-labelledby="shortcuts-heading"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        close();
      }}
    >
      <h3 id="shortcuts-heading" className={styles.heading}>
        {t('panel.shortcuts.title')}
      </h3>
      <dl className={styles.list}>
        {SHORTCUTS.map(([keys, what]) => (
          <Fragment key={keys}>
            <dt className={styles.key}>{t(keys)}</dt>
            <dd className={styles.what}>{t(what)}</dd>
          </Fragment>
        ))}
      </dl>
      <Button size="small" onClick={close}>
        {t('panel.shortcuts.close')}
      </Button>
    </section>
  );
}
