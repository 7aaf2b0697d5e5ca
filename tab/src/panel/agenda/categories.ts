import type { BadgeProps } from '@fluentui/react-components';
import type { TopicCategory, TopicStatus } from '../../../../domain/entities.js';
import type { MessageKey } from '../../../../i18n/keys.js';
import { CATEGORY_KEYS } from '../../store/categoryWords.js';

/** Balance work and growth: every topic shows which of the four it is about. */
export const CATEGORIES: readonly { value: TopicCategory; label: MessageKey; color: BadgeProps['color'] }[] = [
  { value: 'work', label: CATEGORY_KEYS.work, color: 'brand' },
  { value: 'growth', label: CATEGORY_KEYS.growth, color: 'success' },
  { value: 'wellbeing', label: CATEGORY_KEYS.wellbeing, color: 'informative' },
  { value: 'feedback', label: CATEGORY_KEYS.feedback, color: 'important' },
];

export function categoryOf(value: TopicCategory) {
  return CATEGORIES.find((c) => c.value === value) ?? CATEGORIES[0]!;
}

/** One word per status, the same one the buttons use ("Park" parks; a parked topic says "Parked"). */
export const STATUS_LABELS = {
  open: 'panel.status.open',
  discussed: 'panel.status.discussed',
  deferred: 'panel.status.deferred',
} as const satisfies Record<TopicStatus, MessageKey>;
