/**
 * Action.Execute verbs. The bot routes invokes by these names and the cards
 * put them on their buttons, so both import them from here.
 */
export const CARD_VERBS = {
  /** Pre-meeting prompt: add the typed topic to the next meeting's agenda. */
  addTopic: 'prompt.addTopic',
  /** Pre-meeting prompt: mark one of last time's action items done. */
  completeActionItem: 'prompt.completeActionItem',
  /** Universal Actions refresh of the prompt card (Teams sends it when a member views the card). */
  refreshPrompt: 'prompt.refresh',
} as const;
export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

/** Input ids of the prompt card: the invoke carries their values next to the action data. */
export const PROMPT_INPUTS = {
  topicText: 'topicText',
  category: 'category',
} as const;
