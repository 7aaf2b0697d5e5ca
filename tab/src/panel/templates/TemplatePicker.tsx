import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { TEMPLATE_LIST, templateDescriptionText, templateNameText } from '../../../../domain/templates.js';
import { useT } from '../../i18n/useT.js';
import { ChevronInlineEnd } from '../../ui/directionalIcons.js';
import { useDomainTexts } from '../domainTexts.js';
import { useSeriesView } from '../SeriesContext.js';

const useStyles = makeStyles({
  block: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  toggle: { alignSelf: 'flex-start' },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalXS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  text: { display: 'flex', flexDirection: 'column', flexGrow: 1, minWidth: 0 },
  description: { color: tokens.colorNeutralForeground2 },
});

/** Agenda templates (first 1:1, check-in, career, quarterly goals): adds their topics after the current ones. */
export function TemplatePicker({ initiallyOpen = false }: { initiallyOpen?: boolean }) {
  useDomainTexts();
  const styles = useStyles();
  const t = useT();
  const { actions } = useSeriesView();
  const [open, setOpen] = useState(initiallyOpen);
  const [busy, setBusy] = useState(false);
  const listId = useId();

  return (
    <div className={styles.block}>
      <Button
        className={styles.toggle}
        size="small"
        appearance="subtle"
        icon={open ? <ChevronDownRegular /> : <ChevronInlineEnd />}
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        {t('panel.change.template')}
      </Button>
      {open && (
        <ul id={listId} className={styles.list} aria-label={t('panel.templates.list')}>
          {TEMPLATE_LIST.map((template) => (
            <li key={template.id} className={styles.item}>
              <div className={styles.text}>
                <Text weight="semibold">{t(templateNameText(template.id))}</Text>
                <Text size={200} className={styles.description}>
                  {t(templateDescriptionText(template.id))}
                </Text>
              </div>
              <Button
                size="small"
                disabled={busy}
                aria-label={t('panel.templates.useLabel', { name: t(templateNameText(template.id)) })}
                onClick={() => {
                  setBusy(true);
                  void actions.applyTemplate(template.id).then((applied) => {
                    setBusy(false);
                    if (applied) setOpen(false);
                  });
                }}
              >
                {t('panel.templates.use')}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
