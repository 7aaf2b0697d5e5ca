import type { Plugin } from 'vite';
import { compileCatalog } from './compile.js';

const CATALOG_FILE = /[\\/]i18n[\\/]catalogs[\\/][^\\/]+[\\/][^\\/]+\.json$/;

/**
 * Compiles message catalogs as they are imported (tab build, dev server and
 * vitest). The output is still JSON, so Vite's own JSON handling turns it
 * into a module as before; only the ICU strings become Lingui's arrays.
 */
export function compiledCatalogs(): Plugin {
  return {
    name: 'one-on-one:compiled-catalogs',
    enforce: 'pre',
    transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!CATALOG_FILE.test(file)) return null;
      return { code: JSON.stringify(compileCatalog(JSON.parse(code) as Record<string, unknown>, file)), map: null };
    },
  };
}
