import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * Where each SDK may be imported inside the service, so swapping one (say
 * botbuilder/teams-ai for the Teams SDK) replaces one folder. Type-only
 * imports count too: a type from an SDK ties a module to it just the same.
 */
const SDKS = {
  teams: {
    group: ['botbuilder', 'botbuilder-*', 'botframework-*', '@microsoft/teams-ai', '@microsoft/teams.*'],
    message: 'botbuilder / teams-ai belong in bot/src/teams (the Teams adapter); use its port elsewhere.',
  },
  cosmos: {
    group: ['@azure/cosmos'],
    message: '@azure/cosmos belongs in bot/src/store; use a repository from there.',
  },
  socket: {
    group: ['socket.io', 'socket.io/*', '@socket.io/*'],
    message: 'socket.io belongs in bot/src/realtime (and the composition root, bot/src/service.ts).',
  },
};

/**
 * Layers inside the service: a command is the one path of a change and knows
 * no transport (realtime, teams, http); the store knows no command; a view is
 * data in, data out, and reads no store.
 */
const LAYERS = {
  commands: {
    group: ['**/realtime/**', '**/teams/**', '**/http/**'],
    message: 'Commands know no transport: realtime/, teams/ and http/ call commands, never the reverse.',
  },
  store: { group: ['**/commands/**'], message: 'The store knows no command: commands call the store.' },
  views: { group: ['**/store/**'], message: 'Views are data in, data out: pass them what the store read.' },
};

/** no-restricted-imports for a folder: every SDK except the ones it owns (and any extra patterns). */
function sdkBoundary(files, allowed = [], extra = []) {
  const patterns = Object.entries(SDKS)
    .filter(([name]) => !allowed.includes(name))
    .map(([, pattern]) => pattern);
  return { files, rules: { 'no-restricted-imports': ['error', { patterns: [...patterns, ...extra] }] } };
}

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'tab/dist', 'bench/results', 'appPackage/build', 'tests/.artifacts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The domain is pure: no I/O, no SDKs, no UI. Both sides import it.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'http', 'crypto'], message: 'domain/ does no I/O.' },
            {
              group: [
                '@azure/*',
                'botbuilder*',
                '@microsoft/*',
                'socket.io*',
                'react*',
                '@fluentui/*',
                'express',
                'pino',
              ],
              message: 'domain/ imports no SDKs or UI.',
            },
            { group: ['**/bot/**', '**/tab/**'], message: 'domain/ must not import the service or the tab.' },
          ],
        },
      ],
    },
  },
  {
    // Catalogs and locale rules are shared like the domain: no I/O, no UI, no service or tab code.
    files: ['i18n/**/*.ts'],
    ignores: ['i18n/vitePlugin.ts', 'i18n/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path', 'vite', 'react*'], message: 'i18n/ does no I/O and has no UI.' },
            { group: ['**/bot/**', '**/tab/**'], message: 'i18n/ must not import the service or the tab.' },
          ],
        },
      ],
    },
  },
  // Later entries win for the files they match, so the general rule comes first.
  sdkBoundary(['bot/src/**/*.ts']),
  sdkBoundary(['bot/src/commands/**/*.ts'], [], [LAYERS.commands]),
  sdkBoundary(['bot/src/teams/**/*.ts'], ['teams']),
  sdkBoundary(['bot/src/store/**/*.ts'], ['cosmos'], [LAYERS.store]),
  sdkBoundary(['bot/src/realtime/**/*.ts', 'bot/src/service.ts'], ['socket']),
  // Views, rules, cards and the Teams port are pure: data in, data out, testable without a server.
  sdkBoundary(
    ['bot/src/views/**/*.ts', 'bot/src/rules/**/*.ts', 'bot/src/cards/**/*.ts', 'bot/src/chat/**/*.ts'],
    [],
    [{ group: ['node:*', 'express', 'pino', 'openai'], message: 'Views, rules and cards do no I/O.' }],
  ),
  sdkBoundary(
    ['bot/src/views/**/*.ts'],
    [],
    [{ group: ['node:*', 'express', 'pino', 'openai'], message: 'Views, rules and cards do no I/O.' }, LAYERS.views],
  ),
  {
    files: ['tab/**/*.ts', 'tab/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/bot/**', '@azure/*', 'botbuilder*', 'express', 'pino'],
              message: 'The tab never imports service code.',
            },
            {
              // The build compiles catalogs (i18n/vitePlugin.ts); an ICU parser in the page would cost the panel's first load.
              group: ['@lingui/message-utils*', '**/i18n/compile*'],
              message: 'The tab reads compiled catalogs; compile at build time, not in the browser.',
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
  },
);
