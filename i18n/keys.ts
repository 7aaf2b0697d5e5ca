import type bot from './catalogs/en/bot.json';
import type domain from './catalogs/en/domain.json';
import type home from './catalogs/en/home.json';
import type pages from './catalogs/en/pages.json';
import type panel from './catalogs/en/panel.json';

/** Every message key, from the source catalogs: a typo in a key is a type error. */
export type MessageKey =
  keyof typeof panel | keyof typeof pages | keyof typeof home | keyof typeof bot | keyof typeof domain;

/** The catalog files, one per area of the product (each area's owner edits its own). */
export const NAMESPACES = ['panel', 'pages', 'home', 'bot', 'domain'] as const;
export type Namespace = (typeof NAMESPACES)[number];
