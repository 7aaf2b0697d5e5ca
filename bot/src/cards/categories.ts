import type { TopicCategory } from '../../../domain/entities.js';

/** Labels shown on cards; the order is the order of the choice set. */
export const CATEGORY_LABELS: Record<TopicCategory, string> = {
  work: 'Work',
  growth: 'Growth',
  wellbeing: 'Wellbeing',
  feedback: 'Feedback',
};
