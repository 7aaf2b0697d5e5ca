import { makeStyles, Spinner, Text, tokens, typographyStyles } from '@fluentui/react-components';
import { useState } from 'react';
import type { HomeRow, MyActionItem } from '../../../domain/home.js';
import { ApiError, messageOf } from '../api/http.js';
import { useT } from '../i18n/useT.js';
import { focusFirst } from '../ui/focusReturn.js';
import { Notice } from '../ui/Notice.js';
import { mutedText, plainList, sectionHeading } from '../ui/styles.js';
import { EXPORT_FAILED } from './homeApi.js';
import type { HomeSession } from './homeSession.js';
import { MyActionItems } from './MyActionItems.js';
import { RelationshipRow } from './RelationshipRow.js';
import { SearchPanel } from './SearchPanel.js';
import { UndoNotice } from './UndoNotice.js';
import { useHome } from './useHome.js';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    maxWidth: '1100px',
  },
  title: { ...typographyStyles.title3, margin: 0 },
  heading: sectionHeading,
  list: plainList(tokens.spacingVerticalM),
  muted: mutedText,
});

/** The viewer's local date, "YYYY-MM-DD". */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** "My 1:1s": every relationship, worst signal first; my action items; search; export. */
export function HomePage({ session }: { session: HomeSession }) {
  const styles = useStyles();
  const t = useT();
  const { api, view, error, reload } = useHome(session);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string } | undefined>();

  const changed = (text: string) => {
    setNotice({ intent: 'success', text });
    void reload();
  };
  const failed = (text: string) => setNotice({ intent: 'error', text });
  const [ticked, setTicked] = useState<MyActionItem | undefined>();
  const completed = (entry: MyActionItem) => {
    setNotice(undefined);
    setTicked(entry);
    return reload();
  };
  const undoTick = (entry: MyActionItem) => {
    setTicked(undefined);
    api.reopenActionItem(entry.seriesId, entry.item.id).then(
      async () => {
        setNotice({ intent: 'success', text: t('home.items.undone', { text: entry.item.text }) });
        await reload();
        const row = `[data-my-item="${CSS.escape(`${entry.seriesId}/${entry.item.id}`)}"] input`;
        focusFirst([() => document.querySelector(row), () => document.querySelector('[data-my-item] input')], 30);
      },
      (e: unknown) => failed(messageOf(e)),
    );
  };
  const exportRow = (row: HomeRow) => {
    api.exportHistory(row.seriesId).then(
      ({ fileName, markdown }) => {
        const url = URL.createObjectURL(new Blob([markdown], { type: 'text/markdown' }));
        const anchor = Object.assign(document.createElement('a'), { href: url, download: fileName });
        anchor.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      (e: unknown) =>
        failed(e instanceof ApiError && e.code === EXPORT_FAILED ? t('home.export.failed') : messageOf(e)),
    );
  };

  return (
    <main className={styles.page}>
      <h1 className={styles.title}>{t('home.title')}</h1>
      {notice && (
        <Notice intent={notice.intent} onDismiss={() => setNotice(undefined)} dismissLabel={t('home.dismiss')}>
          <span role="status">{notice.text}</span>
        </Notice>
      )}
      {ticked && (
        <UndoNotice
          text={t('home.items.marked', { text: ticked.item.text })}
          onUndo={() => undoTick(ticked)}
          onDismiss={() => setTicked(undefined)}
        />
      )}
      {error && <Notice intent="error">{error}</Notice>}
      <SearchPanel api={api} session={session} />
      {!view && !error && <Spinner label={t('home.loading')} />}
      {view && (
        <>
          <section aria-labelledby="relationships">
            <h2 id="relationships" className={styles.heading}>
              {view.rows.some((r) => r.viewerRole === 'manager') ? t('home.reports') : t('home.withManager')}
            </h2>
            {view.rows.length === 0 && <Text className={styles.muted}>{t('home.empty')}</Text>}
            <ul className={styles.list} aria-label={t('home.list')}>
              {view.rows.map((row) => (
                <RelationshipRow
                  key={row.seriesId}
                  row={row}
                  api={api}
                  session={session}
                  onChanged={changed}
                  onError={failed}
                  onExport={exportRow}
                />
              ))}
            </ul>
          </section>
          <MyActionItems
            items={view.actionItems}
            api={api}
            today={localToday()}
            onCompleted={completed}
            onError={failed}
          />
        </>
      )}
    </main>
  );
}
