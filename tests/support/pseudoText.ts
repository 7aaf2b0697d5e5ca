import type { Frame, Page } from 'playwright-core';
import { panelCatalog } from '../../tab/src/i18n/catalogs/panel.js';
import { startI18n } from '../../tab/src/i18n/startI18n.js';
import { translator, type Translate } from '../../tab/src/i18n/useT.js';

/**
 * The pseudo-locale check: with `?locale=qps-ploc` every message of the
 * catalogs reads "⟦Ŵŕáƥƥéđ⟧", so any visible text (or accessible name,
 * tooltip, placeholder, the document's title) that still holds a letter once
 * the wrapped parts are taken out did not come from a catalog. User data the
 * test seeded (names, topics, addresses) is named by the test and taken out
 * too; formatted numbers have no letters, and the pages format dates inside
 * messages, so they are wrapped.
 */

/** The panel's own words in a locale, so a test finds buttons by what that locale shows. */
export async function panelWords(locale: string): Promise<Translate> {
  return translator((await startI18n([panelCatalog], locale)).i18n);
}

/** One text a person can see or hear, and where it was found. */
export interface ShownText {
  where: string;
  text: string;
}

/** Everything on the page a person reads or hears: visible text nodes, accessible names, tooltips, placeholders, the title. */
export async function shownTexts(target: Page | Frame): Promise<ShownText[]> {
  return target.evaluate(() => {
    const found: { where: string; text: string }[] = [];
    const visible = (el: Element): boolean => {
      // A closed select's options are what it offers: they count when the select shows.
      const shown = el.closest('select') ?? el;
      return shown.checkVisibility({ visibilityProperty: true, opacityProperty: false });
    };
    const describe = (el: Element): string => {
      const id = el.id ? `#${el.id}` : '';
      const role = el.getAttribute('role');
      return `<${el.tagName.toLowerCase()}${id}${role ? ` role=${role}` : ''}>`;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim() ?? '';
      if (!parent || text === '' || parent.closest('script, style, noscript, template')) continue;
      if (visible(parent)) found.push({ where: describe(parent), text });
    }
    const spoken = ['aria-label', 'aria-description', 'aria-roledescription', 'alt'];
    const shown = ['title', 'placeholder'];
    for (const el of document.body.querySelectorAll(
      '[aria-label], [aria-description], [aria-roledescription], [title], [placeholder], img[alt]',
    )) {
      if (!visible(el)) continue;
      // A name inside aria-hidden is never read out (an icon beside its words); a tooltip or placeholder still shows.
      const silent = el.closest('[aria-hidden="true"]') !== null;
      for (const name of silent ? shown : [...spoken, ...shown]) {
        const value = el.getAttribute(name)?.trim();
        if (value) found.push({ where: `${describe(el)} ${name}`, text: value });
      }
    }
    if (document.title.trim()) found.push({ where: '<title>', text: document.title.trim() });
    return found;
  });
}

/** What is left of a text once every catalog message (⟦…⟧, also nested) and the allowed user data are taken out. */
export function outsideCatalog(text: string, allowed: readonly (string | RegExp)[] = []): string {
  let rest = text;
  for (let before = ''; before !== rest;) {
    before = rest;
    rest = rest.replace(/⟦[^⟦⟧]*⟧/g, ' ');
  }
  for (const data of allowed) rest = typeof data === 'string' ? rest.split(data).join(' ') : rest.replace(data, ' ');
  return rest;
}

/** The text when a letter is left outside the catalog's ⟦ ⟧ and the allowed data; null when nothing bypassed the catalog. */
export function bypassedCatalog(text: string, allowed: readonly (string | RegExp)[] = []): string | null {
  return /\p{L}/u.test(outsideCatalog(text, allowed)) ? text : null;
}

/** Texts on the page that did not come from a catalog: any letter outside ⟦ ⟧ and outside the allowed data. */
export async function unwrappedTexts(
  target: Page | Frame,
  allowed: readonly (string | RegExp)[] = [],
): Promise<string[]> {
  return (await shownTexts(target))
    .filter(({ text }) => /\p{L}/u.test(outsideCatalog(text, allowed)))
    .map(({ where, text }) => `${where}: ${text}`);
}
