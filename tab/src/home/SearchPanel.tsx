import { Button, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { SearchHitKind, SearchResults } from '../../../domain/home.js';
import { messageOf } from '../api/http.js';
import { mutedText, plainList } from '../ui/styles.js';
import { viewerDateTime } from './format.js';
import type { HomeApi } from './homeApi.js';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  input: { flexGrow: 1, minWidth: '220px', maxWidth: '480px' },
  list: plainList(tokens.spacingVerticalXS),
  hit: { display: 'flex', flexDirection: 'column', overflowWrap: 'anywhere' },
  muted: mutedText,
});

const KIND_LABEL: Record<SearchHitKind, string> = {
  topic: 'Topic',
  sharedNote: 'Shared note',
  actionItem: 'Action item',
  privateNote: 'My private note',
};

/** Search across my 1:1s: shared content plus my own private notes (the service never returns anyone else's). */
export function SearchPanel({ api }: { api: HomeApi }) {
  const styles = useStyles();
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
    <section aria-label="Search my 1:1s">
      <form role="search" className={styles.form} onSubmit={submit}>
        <Input
          className={styles.input}
          aria-label="Search my 1:1s"
          placeholder="Search topics, notes and action items"
          value={query}
          onChange={(_, data) => setQuery(data.value)}
        />
        <Button type="submit" icon={<SearchRegular />}>
          Search
        </Button>
      </form>
      {error && <Text role="alert">{error}</Text>}
      {results && (
        <ul className={styles.list} aria-label="Search results">
          {results.hits.length === 0 && <li className={styles.muted}>{`Nothing found for “${results.query}”.`}</li>}
          {results.hits.map((hit) => (
            <li
              key={`${hit.seriesId}/${hit.kind}/${hit.recordId}`}
              className={styles.hit}
              aria-label={`${KIND_LABEL[hit.kind]}: ${hit.excerpt}`}
            >
              <Text size={200} className={styles.muted}>
                {`${KIND_LABEL[hit.kind]} · ${hit.seriesTitle}${hit.meetingStart ? ` · ${viewerDateTime(hit.meetingStart)}` : ''}`}
              </Text>
              <Text>{hit.excerpt}</Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
