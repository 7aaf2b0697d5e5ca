import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixtures/sdkImports.ts', import.meta.url));

/**
 * The SDK boundaries of eslint.config.js, checked with ESLint's Node API on a
 * fixture full of SDK imports, placed (by file path) in each service folder.
 * Only the boundary rule runs: the type-aware rules need a file on disk in
 * the TypeScript project, and they are not what is under test.
 */
let eslint: ESLint;
let source: string;

beforeAll(async () => {
  source = await readFile(FIXTURE, 'utf8');
  eslint = new ESLint({
    cwd: ROOT,
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
    ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
  });
});

/** The SDKs the boundary rule refuses in a file at this path. */
async function refusedIn(filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: `${ROOT}${filePath}` });
  expect(result?.messages.filter((m) => m.ruleId !== 'no-restricted-imports')).toEqual([]);
  return (result?.messages ?? []).map((m) => /'([^']+)' import is restricted/.exec(m.message)?.[1] ?? m.message);
}

describe('SDK boundaries in the service', () => {
  it('a command may import none of the SDKs', async () => {
    expect(await refusedIn('bot/src/commands/violation.ts')).toEqual(['@azure/cosmos', 'botbuilder', 'socket.io']);
  });

  it('the effects processor and the presenters may not reach for Cosmos or the bot SDK either', async () => {
    expect(await refusedIn('bot/src/effects/violation.ts')).toEqual(['@azure/cosmos', 'botbuilder', 'socket.io']);
    expect(await refusedIn('bot/src/presenters/violation.ts')).toEqual(['@azure/cosmos', 'botbuilder', 'socket.io']);
  });

  it('botbuilder only in teams/, @azure/cosmos only in store/, socket.io only in realtime/ and service.ts', async () => {
    expect(await refusedIn('bot/src/teams/violation.ts')).toEqual(['@azure/cosmos', 'socket.io']);
    expect(await refusedIn('bot/src/store/violation.ts')).toEqual(['botbuilder', 'socket.io']);
    expect(await refusedIn('bot/src/realtime/violation.ts')).toEqual(['@azure/cosmos', 'botbuilder']);
    expect(await refusedIn('bot/src/service.ts')).toEqual(['@azure/cosmos', 'botbuilder']);
  });

  it('names where the SDK belongs in its message', async () => {
    const [result] = await eslint.lintText(source, { filePath: `${ROOT}bot/src/commands/violation.ts` });
    expect(result?.messages.map((m) => m.message).join('\n')).toContain('belongs in bot/src/store');
  });

  it('views, rules, cards and the Teams port do no I/O; the service around them may', async () => {
    const io = await readFile(fileURLToPath(new URL('./fixtures/ioImport.ts', import.meta.url)), 'utf8');
    const refused = async (filePath: string) =>
      ((await eslint.lintText(io, { filePath: `${ROOT}${filePath}` }))[0]?.messages ?? []).map((m) => m.ruleId);
    for (const folder of ['views', 'rules', 'cards', 'chat']) {
      expect(await refused(`bot/src/${folder}/violation.ts`)).toEqual(['no-restricted-imports']);
    }
    expect(await refused('bot/src/commands/violation.ts')).toEqual([]);
  });

  it('the same imports outside the service (tests) break no boundary', async () => {
    expect(await refusedIn('tests/lint/fixtures/sdkImports.ts')).toEqual([]);
  });
});

describe('the message catalogs in the tab', () => {
  const imports = [
    "import { compileMessage } from '@lingui/message-utils/compileMessage';",
    "import type { CompiledMessage } from '@lingui/message-utils/compileMessage';",
    "import { compileCatalog } from '../../../i18n/compile.js';",
    'export const used = [compileMessage, compileCatalog] as unknown as CompiledMessage;',
  ].join('\n');
  const refused = async (filePath: string) =>
    ((await eslint.lintText(imports, { filePath: `${ROOT}${filePath}` }))[0]?.messages ?? []).map((m) => m.line);

  it('the tab may not carry the ICU compiler (catalogs are compiled at build time); a type import is fine', async () => {
    expect(await refused('tab/src/panel/violation.ts')).toEqual([1, 3]);
    expect(await refused('bot/src/i18n/violation.ts')).toEqual([]);
  });
});
