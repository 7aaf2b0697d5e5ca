import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENV_KEYS } from '../../bot/src/config.js';

/**
 * The README's configuration and scripts tables are what a newcomer trusts: every
 * environment variable the service reads (bot/src/config.ts is the only reader) has a
 * row, and so does every `npm run` script in package.json.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let readme: string;
let scripts: string[];

beforeAll(async () => {
  readme = await readFile(`${ROOT}README.md`, 'utf8');
  const pkg = JSON.parse(await readFile(`${ROOT}package.json`, 'utf8')) as { scripts: Record<string, string> };
  scripts = Object.keys(pkg.scripts);
});

/** The text of the README section under a `## heading`, up to the next one. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, `README has a "## ${heading}" section`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** The first cells of a section's table rows: the names the table documents, in backticks. */
function documented(text: string): Set<string> {
  const names = new Set<string>();
  for (const row of text.split('\n').filter((line) => line.startsWith('|'))) {
    const firstCell = row.split('|')[1] ?? '';
    for (const [, name] of firstCell.matchAll(/`([^`]+)`/g)) names.add(name!.trim());
  }
  return names;
}

/** How a script is typed: `npm start` and `npm test` have their own commands, the rest `npm run x`. */
const typed = (script: string) => (script === 'start' || script === 'test' ? `npm ${script}` : `npm run ${script}`);

describe('the README stays true', () => {
  it('sees a row that is there and misses one that is not (positive control)', () => {
    const table = documented('| variable | default |\n| --- | --- |\n| `PORT`, `HOST` | 3978 |\n| x | `NOT_A_ROW` |');
    expect(table.has('PORT') && table.has('HOST')).toBe(true);
    expect(table.has('NOT_A_ROW')).toBe(false);
  });

  it('every environment variable the service reads has a row in the configuration table', () => {
    const table = documented(section('Configuration'));
    expect(ENV_KEYS.length).toBeGreaterThan(10);
    expect(ENV_KEYS.filter((key) => !table.has(key))).toEqual([]);
  });

  it('every npm script has a row in the scripts table', () => {
    const table = documented(section('Scripts'));
    expect(
      scripts.filter(
        (script) => ![...table].some((cell) => cell === typed(script) || cell.startsWith(`${typed(script)} `)),
      ),
    ).toEqual([]);
  });
});
