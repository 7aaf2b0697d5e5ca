import { defineConfig } from 'vitest/config';
import { compiledCatalogs } from './i18n/vitePlugin.js';

// 2-core machines: two workers at most; integration and browser tests start
// real servers, so they get generous time-outs (they do not assert timings).
export default defineConfig({
  // Catalogs compile as the tab's build compiles them, so tests read what users get.
  plugins: [compiledCatalogs()],
  test: {
    include: ['domain/**/*.test.ts', 'i18n/**/*.test.ts', 'bot/**/*.test.ts', 'tab/**/*.test.ts', 'tests/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './tests/support/plainSummaryReporter.ts'],
  },
});
