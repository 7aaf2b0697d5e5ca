/**
 * The subset of the Adaptive Cards 1.5 schema our cards use, typed so a
 * builder cannot emit an element or property we have not checked renders in
 * Teams. Builders return plain JSON; nothing here depends on an SDK.
 */
export const CARD_VERSION = '1.5';
export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

type Spacing = 'None' | 'Small' | 'Medium' | 'Large' | 'ExtraLarge';

export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  weight?: 'Bolder' | 'Lighter';
  size?: 'Small' | 'Medium' | 'Large';
  color?: 'Accent' | 'Good' | 'Warning' | 'Attention';
  isSubtle?: boolean;
  spacing?: Spacing;
  separator?: boolean;
  style?: 'heading';
}

export interface Fact {
  title: string;
  value: string;
}
export interface FactSet {
  type: 'FactSet';
  facts: Fact[];
  spacing?: Spacing;
}

export interface Container {
  type: 'Container';
  items: CardElement[];
  style?: 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
  spacing?: Spacing;
  separator?: boolean;
}

export interface Column {
  type: 'Column';
  items: CardElement[];
  width?: 'auto' | 'stretch';
  verticalContentAlignment?: 'Center' | 'Bottom';
}
export interface ColumnSet {
  type: 'ColumnSet';
  columns: Column[];
  spacing?: Spacing;
}

export interface InputText {
  type: 'Input.Text';
  id: string;
  label?: string;
  placeholder?: string;
  maxLength?: number;
  isMultiline?: boolean;
  isRequired?: boolean;
  errorMessage?: string;
  /** Prefilled text (shown verbatim: pass user text through plainCardText). */
  value?: string;
}

export interface Choice {
  title: string;
  value: string;
}
export interface InputChoiceSet {
  type: 'Input.ChoiceSet';
  id: string;
  label?: string;
  value?: string;
  choices: Choice[];
}

export interface ActionSet {
  type: 'ActionSet';
  actions: CardAction[];
}

export type CardElement = TextBlock | FactSet | Container | ColumnSet | InputText | InputChoiceSet | ActionSet;

/** Card data is what comes back in the invoke: flat strings only, validated on the way in. */
export type ActionData = Record<string, string>;

export interface ExecuteAction {
  type: 'Action.Execute';
  verb: string;
  title: string;
  data: ActionData;
  /** 'none' for buttons that must work while a required input is empty. */
  associatedInputs?: 'none';
  style?: 'positive';
}
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}
/** Dialogs (task modules) submit with Action.Submit; chat cards use Action.Execute. */
export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data?: ActionData;
  style?: 'positive';
}
export type CardAction = ExecuteAction | OpenUrlAction | SubmitAction;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  version: typeof CARD_VERSION;
  body: CardElement[];
  actions?: CardAction[];
  /** Universal Actions: Teams asks the bot for a fresh card when one of `userIds` views it. */
  refresh?: { action: ExecuteAction; userIds: string[] };
  /** Teams-only hint; other hosts ignore it. */
  msteams?: { width: 'Full' };
}

export function adaptiveCard(
  body: CardElement[],
  extra: Partial<Omit<AdaptiveCard, 'type' | 'body'>> = {},
): AdaptiveCard {
  return { type: 'AdaptiveCard', $schema: CARD_SCHEMA, version: CARD_VERSION, body, ...extra };
}

export function textBlock(text: string, options: Omit<TextBlock, 'type' | 'text'> = {}): TextBlock {
  return { type: 'TextBlock', text, wrap: true, ...options };
}

export function heading(text: string, spacing?: Spacing): TextBlock {
  return textBlock(text, { weight: 'Bolder', size: 'Medium', ...(spacing ? { spacing } : {}) });
}

export function section(title: string, items: CardElement[]): Container {
  return { type: 'Container', spacing: 'Medium', items: [textBlock(title, { weight: 'Bolder' }), ...items] };
}

/**
 * A date and time the viewer's Teams client formats in their own locale and
 * time zone. The functions accept RFC 3339 without fractional seconds.
 */
export function cardDateTime(iso: string): string {
  const stamp = toCardInstant(iso);
  return `{{DATE(${stamp}, LONG)}} {{TIME(${stamp})}}`;
}

function toCardInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`not a date-time: ${iso}`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * A calendar date (YYYY-MM-DD) in `locale`, in the style of the cards' other
 * dates (`{{DATE(…, LONG)}}`: "Friday, December 18, 2026"), so one card
 * reads one date style. Formatted here, not by the client: a due date is a
 * calendar day, and no time zone may shift it by a day.
 */
export function calendarDate(isoDate: string, locale: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'UTC',
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
}
