/**
 * Run by localeMemory.test.ts as `node --expose-gc --import tsx` (vitest's
 * workers cannot be given --expose-gc for one file): sends many distinct
 * client language tags through the service's translators, as REST
 * (Accept-Language), the socket handshake and the bot (one tag) would, and
 * prints the heap growth after garbage collection as JSON.
 */
import { translatorFor, translatorForRequest } from '../../bot/src/i18n/translator.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const mode = process.argv[2] ?? 'distinct';
const count = Number(process.argv[3] ?? 1500);
const TAG_LENGTH = 10_000;

/** A well-formed BCP 47 tag of about 10 KB, different for each n (private-use subtags). */
function longTag(n: number): string {
  const subtag = `${n.toString(36)}zzzzzzz`.slice(0, 8);
  return `de-AT-x-${Array.from({ length: Math.ceil(TAG_LENGTH / 9) }, () => subtag).join('-')}`;
}

function heapAfterGc(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

/** Every way a tag reaches a translator, each formatting a number (Lingui caches its formatters by locale). */
function useTag(tag: string): string {
  return [
    translatorForRequest(`${tag},en;q=0.5`).t('bot.prompt.tooLong', { length: 1234, max: 500 }),
    translatorFor(tag).t('bot.prompt.tooLong', { length: 1234, max: 500 }),
  ].join('');
}

// Warm up: catalogs compiled, one translator per language, code paths optimised.
useTag('de-AT');
useTag(longTag(0));
const before = heapAfterGc();
const retained: string[] = [];
for (let n = 1; n <= count; n++) {
  const tag = mode === 'same' ? longTag(0) : longTag(n);
  useTag(tag);
  // Short distinct tags too (under any length cut-off): a region ICU knows, private-use subtags.
  if (mode !== 'same') useTag(`en-GB-x-${n.toString(36)}`);
  // The positive control keeps each tag, as an unbounded cache keyed by it would.
  if (mode === 'retain') retained.push(tag);
}
const after = heapAfterGc();
process.stdout.write(
  JSON.stringify({ mode, count, tagLength: longTag(1).length, growth: after - before, kept: retained.length }),
);
