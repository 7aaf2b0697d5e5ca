import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { pages } from '@microsoft/teams-js';
import { useT } from '../i18n/useT.js';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  row: { display: 'contents' },
  value: { margin: 0, wordBreak: 'break-all', fontFamily: tokens.fontFamilyMonospace },
});

/** The tab settings Teams would store, shown as text. */
export function SavedSettings({ config }: { config: pages.InstanceConfig }) {
  const styles = useStyles();
  const t = useT();
  const rows: [string, string | undefined][] = [
    [t('pages.config.settings.name'), config.suggestedDisplayName],
    [t('pages.config.settings.contentUrl'), config.contentUrl],
    [t('pages.config.settings.websiteUrl'), config.websiteUrl],
    [t('pages.config.settings.entityId'), config.entityId],
  ];
  return (
    <dl className={styles.grid} aria-label={t('pages.config.settings')}>
      {rows.map(([label, value]) => (
        <div key={label} className={styles.row}>
          <dt>
            <Text weight="semibold">{label}</Text>
          </dt>
          {/* Addresses and ids read left to right, also on a right-to-left page. */}
          <dd className={styles.value} dir="ltr">
            {value ?? '—'}
          </dd>
        </div>
      ))}
    </dl>
  );
}
