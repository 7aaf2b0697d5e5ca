import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
