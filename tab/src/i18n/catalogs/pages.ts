import en from '../../../../i18n/catalogs/en/pages.json';
import type { NamespaceCatalog } from '../startI18n.js';

/** English ships with the page; other languages load when someone reads them. */
export const pagesCatalog: NamespaceCatalog = {
  en,
  de: () => import('../../../../i18n/catalogs/de/pages.json').then((module) => module.default),
};
