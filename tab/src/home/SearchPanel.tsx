import { Button, Input, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { OpenRegular, SearchRegular } from '@fluentui/react-icons';
import { useState, type FormEvent, type ReactNode } from 'react';
import type { SearchHitKind, SearchResults } from '../../../domain/home.js';
import { messageOf } from '../api/http.js';
import { useLocale } from '../i18n/I18nRoot.js';
import { useT } from '../i18n/useT.js';
import { mutedText, plainList } from '../ui/styles.js';
import { viewerDateTime } from './format.js';
import type { HomeApi } from './homeApi.js';
import type { HomeSession } from './homeSession.js';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  input: { flexGrow: 1, minWidth: '220px', maxWidth: '480px' },
  list: plainList(tokens.spacingVerticalXS),
  hit: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  muted: mutedText,
});

/** Search across my 1:1s: shared content plus my own private notes (the service never returns anyone else's). */
export function SearchPanel({ api, session }: { api: HomeApi; session: HomeSession }) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const kindOf = (kind: SearchHitKind) => t('home.search.kind', { kind });
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | undefined>();
  const [error, setError] = useState<string | undefined>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    api.search(query).then(
      (found) => {
        setResults(found);
        setError(undefined);
      },
      (e: unknown) => setError(messageOf(e)),
    );
  };

  return (
    <section aria-label={t('home.search.label')}>
      <form role="search" className={styles.form} onSubmit={submit}>
        <Input
          className={styles.input}
          aria-label={t('home.search.label')}
          placeholder={t('home.search.placeholder')}
          value={query}
          onChange={(_, data) => setQuery(data.value)}
        />
        <Button type="submit" icon={<SearchRegular />}>
          {t('home.search.submit')}
        </Button>
      </form>
      {error && <Text role="alert">{error}</Text>}
      {results && (
        <ul className={styles.list} aria-label={t('home.search.results')}>
          {results.hits.length === 0 && (
            <li className={styles.muted}>{t('home.search.nothing', { query: results.query })}</li>
          )}
          {results.hits.map((hit) => (
            <li
              key={`${hit.seriesId}/${hit.kind}/${hit.recordId}`}
              className={styles.hit}
              aria-label={t('home.search.hit', { kind: kindOf(hit.kind), excerpt: hit.excerpt })}
            >
              <Text size={200} className={styles.muted}>
                {hit.meetingStart
                  ? t('home.search.hitFromMeeting', {
                      kind: kindOf(hit.kind),
                      series: hit.seriesTitle,
                      when: viewerDateTime(hit.meetingStart, tag),
                    })
                  : t('home.search.hitFrom', { kind: kindOf(hit.kind), series: hit.seriesTitle })}
              </Text>
              <Text>{hit.excerpt}</Text>
              {hit.alsoOn && (
                <Text size={200} className={styles.muted}>
                  {t('home.search.alsoOn', { dates: hit.alsoOn.map((at) => viewerDateTime(at, tag)).join('; ') })}
                </Text>
              )}
              <OpenHit url={hit.panelUrl ?? session.localPanelUrl?.(hit.seriesId)} session={session}>
                {t('home.search.open', { series: hit.seriesTitle })}
              </OpenHit>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Opens the 1:1 a hit belongs to, as the My 1:1s row does (in Teams through the host, locally in a new tab). */
function OpenHit({ url, session, children }: { url: string | undefined; session: HomeSession; children: ReactNode }) {
  if (!url) return null;
  return (
    <Link
      href={url}
      target="_blank"
      onClick={(event) => {
        if (!session.openLink) return;
        event.preventDefault();
        void session.openLink(url);
      }}
    >
      <OpenRegular aria-hidden /> {children}
    </Link>
  );
}
