import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { pages } from '@microsoft/teams-js';

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
  const rows: [string, string | undefined][] = [
    ['Tab name', config.suggestedDisplayName],
    ['Content URL', config.contentUrl],
    ['Website URL', config.websiteUrl],
    ['Entity id', config.entityId],
  ];
  return (
    <dl className={styles.grid} aria-label="Tab settings">
      {rows.map(([label, value]) => (
        <div key={label} className={styles.row}>
          <dt>
            <Text weight="semibold">{label}</Text>
          </dt>
          <dd className={styles.value}>{value ?? '—'}</dd>
        </div>
      ))}
    </dl>
  );
}
