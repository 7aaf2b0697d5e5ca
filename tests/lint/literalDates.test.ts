import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Tests under tests/ drive the panel, the API and the bot with the real clock, so a
 * literal calendar date in them changes meaning as the suite ages: a due date typed
 * as "2026-12-04" became a past one on 2026-12-05 and the panel asked to confirm it
 * (issue 29). Such tests derive their dates from the clock (tests/support/dates.ts).
 * Only string literals count: a date in a comment is an example, not an input.
 */
const TESTS = fileURLToPath(new URL('..', import.meta.url));

/** Files where a fixed date is the point, each with why it cannot drift. */
const ALLOWED: Record<string, string> = {
  'bot/botRules.test.ts': 'pure rules given a fixed `now`',
  'bot/cards.test.ts': 'pure card builders formatting fixed view models',
  'bot/cardText.test.ts': 'pure card-text escaping of date functions',
  'store/seriesCache.test.ts': 'the cache’s own rules: dates are data, never compared with a clock',
  'packaging/bicep.test.ts': 'an Azure API version (`@2023-12-01`), not a date',
};

const CALENDAR_DATE = /(?<![\d-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])/;

/** The literal calendar dates in a TypeScript source's string and template literals, as "line: text". */
export function literalDates(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    ) {
      const date = CALENDAR_DATE.exec(node.text);
      if (date) found.push(`${file.getLineAndCharacterOfPosition(node.getStart()).line + 1}: ${date[0]}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

async function testSources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return (
    entries
      .filter((e) => e.isFile() && e.name.endsWith('.ts'))
      .map((e) => relative(TESTS, join(e.parentPath, e.name)).split('\\').join('/'))
      // The fixtures are lint inputs, and this file's own examples are what the control feeds it.
      .filter((path) => !path.startsWith('lint/fixtures/') && path !== 'lint/literalDates.test.ts')
  );
}

describe('dates in tests come from the clock', () => {
  it('sees a literal date in a string or template, and not in a comment (positive control)', () => {
    const source = [
      "// typed as '2026-12-04' before",
      "await due.fill('2026-12-04');",
      'const at = `${day}T09:00:00Z`;',
      'const card = `{{DATE(2030-01-01T00:00:00Z)}} ${x} 2031-02-03`;',
      "const version = 'v2026-13-01';",
    ].join('\n');
    expect(literalDates('fixture.ts', source)).toEqual(['2: 2026-12-04', '4: 2030-01-01', '4: 2031-02-03']);
  });

  it('no test under tests/ writes a literal calendar date, except the few where a fixed date is the point', async () => {
    const offending: string[] = [];
    for (const path of await testSources(TESTS)) {
      if (path in ALLOWED) continue;
      const dates = literalDates(path, await readFile(join(TESTS, path), 'utf8'));
      offending.push(...dates.map((d) => `tests/${path}:${d}`));
    }
    expect(offending, 'derive these from the clock (tests/support/dates.ts)').toEqual([]);
  });

  it('every allowed file exists and still has a fixed date (the list stays short and true)', async () => {
    const sources = new Set(await testSources(TESTS));
    for (const path of Object.keys(ALLOWED)) {
      expect(sources.has(path), path).toBe(true);
      expect(literalDates(path, await readFile(join(TESTS, path), 'utf8')), path).not.toEqual([]);
    }
  });
});
