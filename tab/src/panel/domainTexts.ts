import type { I18n, Messages } from '@lingui/core';
import { useLingui } from '@lingui/react';
import { use } from 'react';
import type { ResolvedLocale } from '../../../i18n/locales.js';
import { pseudoCatalog } from '../../../i18n/pseudo.js';
import { domainCatalog } from '../i18n/catalogs/domain.js';
import { useLocale } from '../i18n/I18nRoot.js';

/**
 * The domain's texts (question bank, templates, health) are read only by
 * sections that load after the panel's first paint, so their catalog loads
 * with them instead of weighing on the first load
 * (tests/e2e/bundleSize.test.ts). The topic categories, needed at once, are
 * in the panel's own catalog.
 */
async function domainMessages(locale: ResolvedLocale): Promise<Messages> {
  if (locale.messages === 'en') return domainCatalog.en;
  if (locale.messages === 'qps-ploc' || locale.messages === 'qps-plocm') return pseudoCatalog(domainCatalog.en);
  try {
    // English under the translation: a key added since the last translation still reads.
    return { ...domainCatalog.en, ...(await domainCatalog[locale.messages]()) };
  } catch {
    // A language chunk that cannot load (flaky network in a call) must not leave a blank section.
    return domainCatalog.en;
  }
}

const loaded = new WeakMap<I18n, Promise<void>>();

export function loadDomainTexts(i18n: I18n, locale: ResolvedLocale): Promise<void> {
  let loading = loaded.get(i18n);
  if (!loading) {
    loading = domainMessages(locale).then((messages) => i18n.load(locale.messages, messages));
    loaded.set(i18n, loading);
  }
  return loading;
}

/** Suspends a section until the domain's texts are in the page's i18n (once per page). */
export function useDomainTexts(): void {
  const { i18n } = useLingui();
  const locale = useLocale();
  use(loadDomainTexts(i18n, locale));
}
