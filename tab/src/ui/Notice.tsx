import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';

// Long words (dates, ids, URLs) wrap inside the box instead of running out of it.
const useStyles = makeStyles({
  bar: { minWidth: 0, maxWidth: '100%', boxSizing: 'border-box' },
  body: { minWidth: 0, overflowWrap: 'anywhere' },
});

interface NoticeProps {
  intent: 'info' | 'warning' | 'error' | 'success';
  title?: string;
  children: ReactNode;
  onDismiss?: () => void;
  /**
   * The dismiss button's name, in the page's language. Pages that have not
   * moved to catalogs yet get the English word.
   */
  dismissLabel?: string;
}

/** A message for the person: the server's words on errors, a hint otherwise. */
export function Notice({ intent, title, children, onDismiss, dismissLabel = 'Dismiss' }: NoticeProps) {
  const styles = useStyles();
  return (
    <MessageBar intent={intent} layout="multiline" className={styles.bar}>
      <MessageBarBody className={styles.body}>
        {title && <MessageBarTitle>{title}</MessageBarTitle>}
        {children}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label={dismissLabel} icon={<DismissRegular />} onClick={onDismiss} />
          }
        />
      )}
    </MessageBar>
  );
}
