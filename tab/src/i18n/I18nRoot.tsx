import { I18nProvider } from '@lingui/react';
import type { ReactNode } from 'react';
import { createContext, useContext, useEffect } from 'react';
import type { ResolvedLocale } from '../../../i18n/locales.js';
import { resolveLocale } from '../../../i18n/locales.js';
import type { I18nSetup } from './startI18n.js';

const LocaleContext = createContext<ResolvedLocale>(resolveLocale(null));

/** The locale the page reads in: its tag for `Intl`, and its direction. */
export function useLocale(): ResolvedLocale {
  return useContext(LocaleContext);
}

/** Gives the tree its messages and locale, and tells the document (screen readers, `:dir()`) which it is. */
export function I18nRoot({ setup, children }: { setup: I18nSetup; children: ReactNode }) {
  useEffect(() => {
    document.documentElement.lang = setup.locale.tag;
    document.documentElement.dir = setup.locale.dir;
  }, [setup.locale]);
  return (
    <LocaleContext.Provider value={setup.locale}>
      <I18nProvider i18n={setup.i18n}>{children}</I18nProvider>
    </LocaleContext.Provider>
  );
}
