import en from '../../../../i18n/catalogs/en/domain.json';
import type { NamespaceCatalog } from '../startI18n.js';

/** English ships with the page; other languages load when someone reads them. */
export const domainCatalog: NamespaceCatalog = {
  en,
  de: () => import('../../../../i18n/catalogs/de/domain.json').then((module) => module.default),
};
