import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { JOURNAL_FILE } from './store/embedded/journal.js';

/**
 * The local data folder of `npm start`: the embedded Cosmos server's data and
 * the dev signing key, so a restart keeps the 1:1s and the tokens open panels
 * hold. Git-ignored. Used only with the embedded store; never in production
 * (COSMOS_ENDPOINT set) for the data, and never outside dev mode for the key.
 */
export const DEFAULT_LOCAL_DATA_DIR = '.data';
export const DEV_KEY_FILE = 'dev-signing-key.json';

/** What this folder holds, and nothing else: `--fresh` deletes these files, never the folder's other content. */
const OWN_FILES = [JOURNAL_FILE, `${JOURNAL_FILE}.tmp`, DEV_KEY_FILE];

export interface LocalDataOptions {
  /** `--data-dir=PATH`; default `.data` in the working folder. */
  dir?: string;
  /** `--fresh`: start empty (the data and the dev key are deleted first). */
  fresh?: boolean;
}

/** Reads `--data-dir=PATH` and `--fresh` from the command line. */
export function localDataOptionsFromArgs(argv: string[]): LocalDataOptions {
  const dirArg = argv.find((a) => a.startsWith('--data-dir='));
  return {
    ...(dirArg ? { dir: dirArg.slice('--data-dir='.length) } : {}),
    fresh: argv.includes('--fresh'),
  };
}

/** Prepares the folder and answers its absolute path. */
export function prepareLocalData(options: LocalDataOptions): string {
  const dir = resolve(options.dir || DEFAULT_LOCAL_DATA_DIR);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  if (options.fresh) for (const file of OWN_FILES) rmSync(resolve(dir, file), { force: true });
  return dir;
}
