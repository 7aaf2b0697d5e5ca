import type { FrameLocator, Locator, Page } from 'playwright-core';

/** A panel as a test drives it: the page itself (panel.html) or a side panel's frame on the meeting page. */
export type Panel = Page | FrameLocator;

export function topicIn(panel: Panel, text: string): Locator {
  return panel.getByRole('list', { name: 'Agenda topics' }).getByRole('listitem', { name: text, exact: true });
}

/** The agenda as a panel shows it: topic texts in order. */
export function agendaOf(panel: Panel): Promise<string[]> {
  return panel
    .getByRole('list', { name: 'Agenda topics' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label') ?? ''))
    .catch(() => []);
}

export async function addTopic(panel: Panel, text: string, category?: string): Promise<void> {
  await panel.getByLabel('New topic').fill(text);
  if (category) await panel.getByLabel('Category').selectOption({ label: category });
  await panel.getByRole('button', { name: 'Add topic' }).click();
  await topicIn(panel, text).waitFor();
}

/** Opens a topic's row (its details and notes show under it), as a click on its text does. */
export async function openTopic(panel: Panel, text: string): Promise<Locator> {
  const row = topicIn(panel, text);
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.getByText(text, { exact: true }).first().click();
  await row.getByText(/^by /).waitFor();
  return row;
}

/** Picks an entry of a topic's "More" menu. */
export async function topicMenu(panel: Panel, text: string, item: string): Promise<void> {
  await panel.getByRole('button', { name: `More for “${text}”` }).click();
  await panel.getByRole('menuitem', { name: item }).click();
}

export function discussedBox(panel: Panel, text: string): Locator {
  return panel.getByRole('checkbox', { name: `“${text}” discussed` });
}

/**
 * The Undo toast of a delete, by its role and name. Its words are also read out by
 * the toaster's polite live region, so a text locator would match twice.
 */
export function undoToast(panel: Panel, title: string): Locator {
  return panel.getByRole('listitem', { name: title, exact: true });
}
