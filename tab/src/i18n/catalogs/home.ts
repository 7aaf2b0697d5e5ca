import en from '../../../../i18n/catalogs/en/home.json';
import type { NamespaceCatalog } from '../startI18n.js';

/** English ships with the page; other languages load when someone reads them. */
export const homeCatalog: NamespaceCatalog = {
  en,
  de: () => import('../../../../i18n/catalogs/de/home.json').then((module) => module.default),
};
