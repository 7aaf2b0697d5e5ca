import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { useId, useState, type ReactNode } from 'react';
import { ChevronInlineEnd } from './directionalIcons.js';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  toggle: { justifyContent: 'flex-start', textAlign: 'start', height: 'auto', minHeight: '32px' },
});

interface DisclosureProps {
  /** The one line shown while closed, e.g. "From last time: 2 open action items". */
  summary: string;
  initiallyOpen?: boolean;
  children: ReactNode;
}

/** One compact line that opens to show what is behind it (the WAI-ARIA disclosure pattern). */
export function Disclosure({ summary, initiallyOpen = false, children }: DisclosureProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(initiallyOpen);
  const contentId = useId();
  return (
    <div className={styles.root}>
      <Button
        className={styles.toggle}
        appearance="subtle"
        icon={open ? <ChevronDownRegular /> : <ChevronInlineEnd />}
        aria-expanded={open}
        aria-controls={contentId}
        onClick={() => setOpen((o) => !o)}
      >
        {summary}
      </Button>
      <div id={contentId} hidden={!open}>
        {open && children}
      </div>
    </div>
  );
}
