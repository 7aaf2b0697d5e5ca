import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { compiledCatalogs } from '../i18n/vitePlugin.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** `vite --config tab/vite.config.ts` serves the pages with hot reload; the API and live channel stay on the service. */
const service = `http://localhost:${process.env.PORT ?? '3978'}`;

/**
 * Pages: `index.html` is the local meeting page (dev mode only, both
 * panels side by side), `panel.html` is the side panel that Teams loads,
 * `home.html` is "My 1:1s" (the personal tab), `config.html` the tab's set-up page.
 * The service serves `tab/dist` as static files.
 */
export default defineConfig({
  root: here('.'),
  base: '/',
  // Message catalogs arrive compiled: the browser carries Lingui's runtime, not an ICU parser.
  plugins: [compiledCatalogs()],
  // vite 8 transforms TSX itself (oxc); no React plugin is needed for a build.
  oxc: { jsx: { runtime: 'automatic' } },
  server: {
    proxy: { '/api': service, '/socket.io': { target: service, ws: true } },
  },
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: {
        index: here('./index.html'),
        panel: here('./panel.html'),
        config: here('./config.html'),
        home: here('./home.html'),
      },
      // Fluent ships 'use client' directives for React Server Components; they mean nothing in this bundle.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
