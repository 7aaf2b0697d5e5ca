import * as AC from 'adaptivecards';
import MarkdownIt from 'markdown-it';

/**
 * The official Adaptive Cards renderer, loaded on demand by the local meeting
 * page only (the side panel never shows cards, so its bundle stays without it).
 *
 * TextBlocks are Markdown, as in Teams. markdown-it with HTML off turns any
 * "<b>" in a text into text, and refuses javascript:/data: links; the bot
 * escapes user text before it reaches a card (bot/src/cards/text.ts, whose
 * tests use this same markdown-it setup).
 */
const markdown = new MarkdownIt({ html: false, linkify: false });

AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown.render(text);
  result.didProcess = true;
};

export type CardActionEvent =
  | { kind: 'execute'; verb: string; data: unknown }
  /** Action.Submit, as dialogs (task modules) use it: the action's data with the card's input values. */
  | { kind: 'submit'; data: unknown }
  | { kind: 'openUrl'; url: string }
  | { kind: 'unsupported'; type: string };

function toEvent(action: AC.Action): CardActionEvent {
  if (action instanceof AC.ExecuteAction) return { kind: 'execute', verb: action.verb ?? '', data: action.data };
  if (action instanceof AC.SubmitAction) return { kind: 'submit', data: action.data };
  if (action instanceof AC.OpenUrlAction && action.url) return { kind: 'openUrl', url: action.url };
  return { kind: 'unsupported', type: action.getJsonTypeName() };
}

/**
 * Renders one card into a fresh element. Input validation (required fields,
 * their error messages) is the renderer's own: an action fires only once the
 * card's inputs are valid. `{{DATE()}}` and `{{TIME()}}` are formatted in
 * `lang`, the page's language, as Teams formats them in the reader's (the
 * renderer would otherwise use the browser's).
 */
export function renderCard(
  json: object,
  hostConfig: object,
  onAction: (event: CardActionEvent) => void,
  lang: string,
): HTMLElement {
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(hostConfig);
  card.onExecuteAction = (action) => onAction(toEvent(action));
  const context = new AC.SerializationContext();
  card.parse(json, context);
  // Set after parsing: the schema's "lang" takes two or three letters only, and the region decides the date order.
  card.lang = lang;
  const element = card.render();
  if (!element) throw new Error('The renderer could not render this card.');
  return element;
}
