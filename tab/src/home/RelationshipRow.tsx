import { Button, Link, makeStyles, mergeClasses, Text, tokens, typographyStyles } from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  CheckmarkCircleRegular,
  EyeRegular,
  OpenRegular,
  WarningRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type { HomeRow } from '../../../domain/home.js';
import { outlinedBox } from '../ui/styles.js';
import { AddTopicInline } from './AddTopicInline.js';
import { FigureCell } from './FigureCell.js';
import { viewerDateTime } from './format.js';
import type { HomeApi } from './homeApi.js';
import type { HomeSession } from './homeSession.js';

const useStyles = makeStyles({
  row: { ...outlinedBox(), gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', gap: tokens.spacingHorizontalM },
  name: { ...typographyStyles.subtitle2, margin: 0 },
  signal: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    fontWeight: tokens.fontWeightSemibold,
  },
  concern: { color: tokens.colorStatusDangerForeground3 },
  watch: { color: tokens.colorStatusWarningForeground1 },
  good: { color: tokens.colorStatusSuccessForeground1 },
  none: { color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground2 },
  figures: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

const SIGNAL_ICON = {
  concern: <WarningRegular aria-hidden />,
  watch: <EyeRegular aria-hidden />,
  good: <CheckmarkCircleRegular aria-hidden />,
  none: <CheckmarkCircleRegular aria-hidden />,
};

interface Props {
  row: HomeRow;
  api: HomeApi;
  session: HomeSession;
  onChanged(message: string): void;
  onError(message: string): void;
  onExport(row: HomeRow): void;
}

/** One relationship: who, when next, its worst signal with the nudge, the four figures with their trends. */
export function RelationshipRow({ row, api, session, onChanged, onError, onExport }: Props) {
  const styles = useStyles();
  const [adding, setAdding] = useState(false);
  const panelUrl = row.panelUrl ?? session.localPanelUrl?.(row.seriesId);
  const headingId = `row-${row.seriesId}`;
  const next = row.nextMeeting;

  return (
    <li className={styles.row} aria-labelledby={headingId}>
      <div className={styles.head}>
        <h3 id={headingId} className={styles.name}>
          {row.other.name}
        </h3>
        <Text className={mergeClasses(styles.signal, styles[row.signal.level])}>
          {SIGNAL_ICON[row.signal.level]}
          {row.signal.headline}
        </Text>
        <Text size={200} className={styles.muted}>
          {next
            ? next.status === 'live'
              ? 'Live now'
              : `Next 1:1: ${viewerDateTime(next.scheduledStart)}`
            : 'No 1:1 scheduled'}
        </Text>
      </div>
      <Text size={200}>{row.signal.nudge}</Text>
      <div className={styles.figures}>
        {row.figures.map((f) => (
          <FigureCell key={f.key} figure={f} />
        ))}
        <div role="group" aria-label={`Open action items: ${row.openActionItems}, ${row.overdueActionItems} overdue`}>
          <Text size={200} className={styles.muted} block>
            Open action items
          </Text>
          <Text size={300} weight="semibold">
            {row.overdueActionItems > 0
              ? `${row.openActionItems} (${row.overdueActionItems} overdue)`
              : row.openActionItems}
          </Text>
        </div>
      </div>
      <div className={styles.actions}>
        {panelUrl && (
          <Link
            href={panelUrl}
            target="_blank"
            onClick={(event) => {
              if (!session.openLink) return;
              event.preventDefault();
              void session.openLink(panelUrl);
            }}
          >
            <OpenRegular aria-hidden /> {`Open the 1:1 with ${row.other.name}`}
          </Link>
        )}
        {next && (
          <Button size="small" aria-expanded={adding} onClick={() => setAdding((v) => !v)}>
            {`Add a topic for ${row.other.name}`}
          </Button>
        )}
        <Button size="small" appearance="subtle" icon={<ArrowDownloadRegular />} onClick={() => onExport(row)}>
          {`Export history with ${row.other.name}`}
        </Button>
      </div>
      {adding && next && (
        <AddTopicInline
          api={api}
          seriesId={row.seriesId}
          meetingId={next.meetingId}
          otherName={row.other.name}
          onAdded={(text) => onChanged(`Added to the next 1:1 with ${row.other.name}: ${text}`)}
          onError={onError}
        />
      )}
    </li>
  );
}
