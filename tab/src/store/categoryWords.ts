import type { TopicCategory } from '../../../domain/entities.js';
import type { MessageKey } from '../../../i18n/keys.js';

/** The catalog key of each topic category's name, shared by the panel and its announcements. */
export const CATEGORY_KEYS = {
  work: 'panel.category.work',
  growth: 'panel.category.growth',
  wellbeing: 'panel.category.wellbeing',
  feedback: 'panel.category.feedback',
} as const satisfies Record<TopicCategory, MessageKey>;
