import en from '../../../../i18n/catalogs/en/panel.json';
import type { NamespaceCatalog } from '../startI18n.js';

/** English ships with the page; other languages load when someone reads them. */
export const panelCatalog: NamespaceCatalog = {
  en,
  de: () => import('../../../../i18n/catalogs/de/panel.json').then((module) => module.default),
};
