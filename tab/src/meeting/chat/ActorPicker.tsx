import { Button, makeStyles, tokens, typographyStyles } from '@fluentui/react-components';
import type { DevSession } from '../../../../domain/api.js';
import { useT } from '../../i18n/useT.js';

export type Identity = DevSession['identities'][number];

const useStyles = makeStyles({
  actor: {
    ...typographyStyles.body1,
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
  },
});

interface ActorPickerProps {
  identities: Identity[];
  role: string | undefined;
  onChange: (role: Identity['role']) => void;
}

/**
 * Who is "typing" in the chat: card buttons and messages are sent as this
 * member. Two toggle buttons (aria-pressed) rather than a radio group keep
 * the page to the Fluent parts the side panel already loads.
 */
export function ActorPicker({ identities, role, onChange }: ActorPickerProps) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.actor} role="group" aria-labelledby="chat-actor">
      <span id="chat-actor">{t('pages.chat.actAs')}</span>
      {identities.map((identity) => (
        <Button
          key={identity.role}
          size="small"
          appearance={identity.role === role ? 'primary' : 'secondary'}
          aria-pressed={identity.role === role}
          onClick={() => onChange(identity.role)}
        >
          {t('pages.meeting.member', { name: identity.name, role: identity.role })}
        </Button>
      ))}
    </div>
  );
}
