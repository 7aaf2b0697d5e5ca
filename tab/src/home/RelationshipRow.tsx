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
import { useLocale } from '../i18n/I18nRoot.js';
import { useT } from '../i18n/useT.js';
import { outlinedBox } from '../ui/styles.js';
import { AddTopicInline } from './AddTopicInline.js';
import { signalHeadline, signalNudge } from './domainText.js';
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
  const t = useT();
  const { tag } = useLocale();
  const count = (n: number) => new Intl.NumberFormat(tag).format(n);
  const [adding, setAdding] = useState(false);
  const name = row.other.name;
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
          {signalHeadline(row.signal, t)}
        </Text>
        <Text size={200} className={styles.muted}>
          {next
            ? next.status === 'live'
              ? t('home.row.live')
              : t('home.row.next', { when: viewerDateTime(next.scheduledStart, tag) })
            : t('home.row.noneScheduled')}
        </Text>
      </div>
      <Text size={200}>{signalNudge(row.signal, t)}</Text>
      <div className={styles.figures}>
        {row.figures.map((f) => (
          <FigureCell key={f.key} figure={f} />
        ))}
        <div
          role="group"
          aria-label={t('home.row.openItemsLabel', {
            open: count(row.openActionItems),
            overdue: count(row.overdueActionItems),
          })}
        >
          <Text size={200} className={styles.muted} block>
            {t('home.row.openItems')}
          </Text>
          <Text size={300} weight="semibold">
            {row.overdueActionItems > 0
              ? t('home.row.openWithOverdue', {
                  open: count(row.openActionItems),
                  overdue: count(row.overdueActionItems),
                })
              : count(row.openActionItems)}
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
            <OpenRegular aria-hidden /> {t('home.row.open', { name })}
          </Link>
        )}
        {next && (
          <Button size="small" aria-expanded={adding} onClick={() => setAdding((v) => !v)}>
            {t('home.row.addTopic', { name })}
          </Button>
        )}
        <Button size="small" appearance="subtle" icon={<ArrowDownloadRegular />} onClick={() => onExport(row)}>
          {t('home.row.export', { name })}
        </Button>
      </div>
      {adding && next && (
        <AddTopicInline
          api={api}
          seriesId={row.seriesId}
          meetingId={next.meetingId}
          otherName={name}
          onAdded={(text) => onChanged(t('home.row.topicAdded', { name, text }))}
          onError={onError}
        />
      )}
    </li>
  );
}
