import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import { useId, useState, type FormEvent } from 'react';
import { messageOf } from '../../api/http.js';
import { useT } from '../../i18n/useT.js';
import { Notice } from '../../ui/Notice.js';

// A native input styled with tokens: the page keeps to the Fluent parts the side panel already shares.
const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  label: { ...typographyStyles.body1Strong },
  row: { display: 'flex', gap: tokens.spacingHorizontalS },
  input: {
    ...typographyStyles.body1,
    flexGrow: 1,
    minHeight: '32px',
    boxSizing: 'border-box',
    padding: `0 ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
});

interface ChatComposerProps {
  senderName: string;
  send: (text: string) => Promise<void>;
}

/** Writes to the bot in the meeting chat, as the member acting in it. */
export function ChatComposer({ senderName, send }: ChatComposerProps) {
  const styles = useStyles();
  const t = useT();
  const id = useId();
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const message = text.trim();
    if (message === '' || busy) return;
    setBusy(true);
    setError(undefined);
    send(message)
      .then(() => setText(''))
      .catch((e: unknown) => setError(messageOf(e)))
      .finally(() => setBusy(false));
  };

  return (
    <form className={styles.form} onSubmit={submit}>
      <label htmlFor={id} className={styles.label}>
        {t('pages.chat.composerLabel', { name: senderName })}
      </label>
      <div className={styles.row}>
        <input
          id={id}
          className={styles.input}
          value={text}
          maxLength={2000}
          placeholder={t('pages.chat.composerPlaceholder')}
          onChange={(e) => setText(e.target.value)}
        />
        <Button type="submit" appearance="primary" disabledFocusable={busy || text.trim() === ''}>
          {t('pages.chat.send')}
        </Button>
      </div>
      {error && (
        <Notice intent="error" onDismiss={() => setError(undefined)} dismissLabel={t('pages.dismiss')}>
          {t('pages.chat.notSent', { reason: error })}
        </Notice>
      )}
    </form>
  );
}
