import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';

/**
 * Local data of the embedded Cosmos DB protocol server, kept across restarts
 * of `npm start`: an append-only file of JSON lines, one per change, written
 * synchronously before the server answers the write (so a killed process
 * loses nothing it acknowledged; the OS flushes the file later, so a machine
 * crash can lose the last moments). On start the lines are folded into the
 * final state, which is written back compacted.
 */
export type JournalEntry =
  | { t: 'db'; id: string }
  | { t: 'dropdb'; id: string }
  | { t: 'coll'; db: string; def: Record<string, unknown> }
  | { t: 'dropcoll'; db: string; id: string }
  | { t: 'doc'; db: string; coll: string; pk: string; doc: Record<string, unknown> }
  | { t: 'deldoc'; db: string; coll: string; id: string; pk: string };

export interface StoredCollection {
  def: Record<string, unknown>;
  /** partition key (JSON) + id → document. */
  docs: Map<string, { pk: string; doc: Record<string, unknown> }>;
}
export type StoredState = Map<string, Map<string, StoredCollection>>;

export const JOURNAL_FILE = 'cosmos.jsonl';

const docKey = (pk: string, id: string) => `${pk}\u0000${id}`;

/** Folds journal lines into databases → collections → documents. A torn last line (killed mid-write) is skipped. */
export function foldJournal(text: string): StoredState {
  const state: StoredState = new Map();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let entry: JournalEntry;
    try {
      entry = JSON.parse(line) as JournalEntry;
    } catch {
      continue;
    }
    switch (entry.t) {
      case 'db':
        if (!state.has(entry.id)) state.set(entry.id, new Map());
        break;
      case 'dropdb':
        state.delete(entry.id);
        break;
      case 'coll': {
        const db = state.get(entry.db) ?? new Map<string, StoredCollection>();
        state.set(entry.db, db);
        const id = String(entry.def.id);
        const existing = db.get(id);
        db.set(id, { def: entry.def, docs: existing?.docs ?? new Map() });
        break;
      }
      case 'dropcoll':
        state.get(entry.db)?.delete(entry.id);
        break;
      case 'doc': {
        state
          .get(entry.db)
          ?.get(entry.coll)
          ?.docs.set(docKey(entry.pk, String(entry.doc.id)), { pk: entry.pk, doc: entry.doc });
        break;
      }
      case 'deldoc':
        state.get(entry.db)?.get(entry.coll)?.docs.delete(docKey(entry.pk, entry.id));
        break;
    }
  }
  return state;
}

/** The state as journal lines (the compacted journal). */
export function stateToLines(state: StoredState): string[] {
  const lines: string[] = [];
  for (const [db, collections] of state) {
    lines.push(JSON.stringify({ t: 'db', id: db }));
    for (const [collId, coll] of collections) {
      lines.push(JSON.stringify({ t: 'coll', db, def: coll.def }));
      for (const { pk, doc } of coll.docs.values()) lines.push(JSON.stringify({ t: 'doc', db, coll: collId, pk, doc }));
    }
  }
  return lines;
}

export class Journal {
  private fd: number | undefined;

  private constructor(private readonly file: string) {}

  /** Reads the folder's journal (empty when there is none) and opens it for appending. */
  static open(dir: string): { journal: Journal; state: StoredState } {
    mkdirSync(dir, { recursive: true });
    const file = join(dir, JOURNAL_FILE);
    const state = existsSync(file) ? foldJournal(readFileSync(file, 'utf8')) : new Map();
    return { journal: new Journal(file), state };
  }

  /** Replaces the file with these lines (atomically: a kill during compaction keeps the old file), then appends after them. */
  compact(lines: string[]): void {
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, lines.length ? `${lines.join('\n')}\n` : '');
    renameSync(tmp, this.file);
    this.fd = openSync(this.file, 'a');
  }

  append(entries: JournalEntry[]): void {
    if (this.fd === undefined || entries.length === 0) return;
    writeSync(this.fd, `${entries.map((e) => JSON.stringify(e)).join('\n')}\n`);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
