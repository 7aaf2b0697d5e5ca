import type { BadgeProps } from '@fluentui/react-components';
import type { TopicCategory, TopicStatus } from '../../../../domain/entities.js';

/** Balance work and growth: every topic shows which of the four it is about. */
export const CATEGORIES: readonly { value: TopicCategory; label: string; color: BadgeProps['color'] }[] = [
  { value: 'work', label: 'Work', color: 'brand' },
  { value: 'growth', label: 'Growth', color: 'success' },
  { value: 'wellbeing', label: 'Wellbeing', color: 'informative' },
  { value: 'feedback', label: 'Feedback', color: 'important' },
];

export function categoryOf(value: TopicCategory) {
  return CATEGORIES.find((c) => c.value === value) ?? CATEGORIES[0]!;
}

/** One word per status, the same one the buttons use ("Park" parks; a parked topic says "Parked"). */
export const STATUS_LABELS: Record<TopicStatus, string> = {
  open: 'Open',
  discussed: 'Discussed',
  deferred: 'Parked',
};
