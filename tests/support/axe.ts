import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A and AA: the bar the panel is held to. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Fluent's focus manager (Tabster) puts focusable, aria-hidden `<i data-tabster-dummy>`
 * sentinels around menus and toasts; they only pass focus on, and hiding them is what
 * keeps screen readers quiet. A documented false positive of `aria-hidden-focus`, which
 * Microsoft's Accessibility Insights suppresses the same narrow way
 * (microsoft/tabster#288, microsoft/accessibility-insights-web#7605). Nothing else is skipped.
 */
const TABSTER_DUMMY = /^<i [^>]*data-tabster-dummy/;

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[];
}

/**
 * Runs axe-core inside the real page and returns its WCAG 2.1 AA violations,
 * one line each ("color-contrast: Elements must meet … at #id"). The script
 * goes in through the DevTools protocol, which the page's CSP does not block.
 */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // A toast or menu still fading in has, for that moment, text at partial opacity: axe would
  // judge its contrast mid-animation. Judge what a person sees once it settles: wait until no
  // fade is running, however slow a busy machine makes it. A toast's auto-dismiss timer is an
  // animation too (as long as the toast stays up), and spinners loop for ever: neither is a fade.
  await page.evaluate(async () => {
    const fades = () =>
      document.getAnimations().filter((a) => {
        const timing = a.effect?.getComputedTiming();
        return (
          a.playState === 'running' &&
          timing?.iterations !== Infinity &&
          typeof timing?.endTime === 'number' &&
          timing.endTime <= 2_000
        );
      });
    for (let running = fades(); running.length > 0; running = fades())
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
  });
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (tags) =>
      (window as unknown as { axe: { run(context: Document, options: object): Promise<unknown> } }).axe.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      }),
    TAGS,
  );
  return (result as AxeResult).violations.flatMap((v) =>
    v.nodes
      .filter((n) => !(v.id === 'aria-hidden-focus' && TABSTER_DUMMY.test(n.html)))
      .map((n) => `${v.id}: ${v.help} at ${JSON.stringify(n.target)} (${n.failureSummary ?? ''})`),
  );
}
