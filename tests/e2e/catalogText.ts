import type { Frame } from 'playwright-core';

/** A page or one of its frames (a tab inside the Teams host). */
type Document = Pick<Frame, 'evaluate'>;
import { PSEUDO_CLOSE, PSEUDO_OPEN } from '../../i18n/pseudo.js';
import { panelCatalog } from '../../tab/src/i18n/catalogs/panel.js';
import { startI18n } from '../../tab/src/i18n/startI18n.js';
import { translator, type Translate } from '../../tab/src/i18n/useT.js';

/** The panel's own words in a locale, so a test finds buttons by what that locale shows. */
export async function panelWords(locale: string): Promise<Translate> {
  return translator((await startI18n([panelCatalog], locale)).i18n);
}

/** A text a person reads on the page, and where: a text node or a labelling attribute. */
export interface PageText {
  text: string;
  where: string;
}

/**
 * Every text a person can meet on the page: rendered text nodes (including
 * visually hidden ones a screen reader reads, and portals such as menus and
 * toasts) and the attributes that name or explain things.
 */
export function pageTexts(page: Document): Promise<PageText[]> {
  return page.evaluate(() => {
    const found: { text: string; where: string }[] = [];
    const rendered = (element: Element) => element.checkVisibility();
    const describe = (element: Element) => {
      const id = element.id ? `#${element.id}` : '';
      const role = element.getAttribute('role');
      return `${element.tagName.toLowerCase()}${id}${role ? `[role=${role}]` : ''}`;
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent?.trim();
      if (!parent || !text || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName)) continue;
      if (rendered(parent)) found.push({ text, where: describe(parent) });
    }
    // Names for assistive technology count unless the element is hidden from it (an icon beside its words);
    // a title shows as a tooltip, a placeholder in the field, either way.
    const spoken = ['aria-label', 'aria-description', 'aria-roledescription', 'alt'];
    const shown = ['title', 'placeholder'];
    for (const element of document.body.querySelectorAll('*')) {
      if (!rendered(element)) continue;
      const silent = element.closest('[aria-hidden="true"]') !== null;
      for (const attribute of silent ? shown : [...spoken, ...shown]) {
        const text = element.getAttribute(attribute)?.trim();
        if (text) found.push({ text, where: `${describe(element)}@${attribute}` });
      }
    }
    return found;
  });
}

/**
 * The text with everything that came from a catalog (inside ⟦ ⟧, nested or
 * not) and the allowed texts (what the test seeded: topics, names) taken out;
 * null when no letter is left, i.e. nothing bypassed the catalog. Digits,
 * spaces and punctuation carry no language.
 */
export function bypassedCatalog(text: string, allowed: readonly string[]): string | null {
  let rest = text;
  for (const known of [...allowed].sort((a, b) => b.length - a.length)) rest = rest.split(known).join(' ');
  let depth = 0;
  let outside = '';
  for (const ch of rest) {
    if (ch === PSEUDO_OPEN) depth++;
    else if (ch === PSEUDO_CLOSE) depth = Math.max(0, depth - 1);
    else if (depth === 0) outside += ch;
  }
  return /\p{L}/u.test(outside) ? text : null;
}

/** The page's texts that did not come from a catalog, as "where: text" lines. */
export async function unwrappedTexts(page: Document, allowed: readonly string[]): Promise<string[]> {
  return (await pageTexts(page))
    .filter(({ text }) => bypassedCatalog(text, allowed) !== null)
    .map(({ text, where }) => `${where}: ${text}`);
}
