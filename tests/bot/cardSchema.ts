import * as AC from 'adaptivecards';

/**
 * Offline validation of our cards against Adaptive Cards 1.5, using the
 * official `adaptivecards` library's own parser (no JSON schema for 1.5 is
 * shipped in an npm package):
 *  1. parsing with a 1.5 serialization context reports unknown element or
 *     action types, invalid enum values and features newer than 1.5;
 *  2. `validateProperties()` reports structural errors (missing or duplicate
 *     input ids, missing required properties…);
 *  3. a round trip (parse → toJSON) must give back every property we wrote:
 *     the parser silently drops properties it does not know (a misspelt
 *     "wieght") and values of the wrong type, so a dropped property is an error.
 */
export interface CardProblem {
  path: string;
  message: string;
}

/** Teams-only properties the renderer does not model. */
const HOST_EXTENSIONS = new Set(['msteams']);

export function validateCard(json: unknown): CardProblem[] {
  const problems: CardProblem[] = [];
  if (typeof json !== 'object' || json === null || (json as { type?: unknown }).type !== 'AdaptiveCard') {
    return [{ path: '', message: 'not an AdaptiveCard object' }];
  }
  if ((json as { version?: unknown }).version !== '1.5')
    problems.push({ path: 'version', message: 'version must be "1.5"' });

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push({ path: '(parse)', message: event.message });
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push({ path: '(validate)', message: event.message });
  }
  compare(json, card.toJSON(), '', problems);
  return problems;
}

function compare(written: unknown, parsed: unknown, path: string, problems: CardProblem[]): void {
  if (Array.isArray(written)) {
    if (!Array.isArray(parsed) || parsed.length !== written.length) {
      problems.push({ path, message: `array was not understood (${written.length} items written)` });
      return;
    }
    written.forEach((item, i) => compare(item, parsed[i], `${path}[${i}]`, problems));
    return;
  }
  if (typeof written === 'object' && written !== null) {
    if (typeof parsed !== 'object' || parsed === null) {
      problems.push({ path, message: 'object was not understood' });
      return;
    }
    for (const [key, value] of Object.entries(written)) {
      if (path === '' && HOST_EXTENSIONS.has(key)) continue;
      const here = path ? `${path}.${key}` : key;
      if (!(key in parsed)) {
        problems.push({
          path: here,
          message: `property "${key}" is not part of Adaptive Cards 1.5 here (or has an invalid value)`,
        });
        continue;
      }
      compare(value, (parsed as Record<string, unknown>)[key], here, problems);
    }
    return;
  }
  const same =
    typeof written === 'string' && typeof parsed === 'string'
      ? written.toLowerCase() === parsed.toLowerCase()
      : written === parsed;
  if (!same)
    problems.push({ path, message: `value ${JSON.stringify(written)} came back as ${JSON.stringify(parsed)}` });
}

/** For `expect(...)` messages. */
export function describeProblems(problems: CardProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.message}`).join('\n');
}
