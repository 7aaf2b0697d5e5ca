import { lazy } from 'react';

/**
 * Sections below the agenda, or opened on demand, load after the panel's
 * first paint: the side panel's initial script stays within its budget
 * (tests/e2e/bundleSize.test.ts) and the agenda shows first.
 */
export const HealthStrip = lazy(() => import('./health/HealthStrip.js').then((m) => ({ default: m.HealthStrip })));
export const TryAsking = lazy(() => import('./questions/TryAsking.js').then((m) => ({ default: m.TryAsking })));
export const TemplatePicker = lazy(() =>
  import('./templates/TemplatePicker.js').then((m) => ({ default: m.TemplatePicker })),
);
export const PrivateNotes = lazy(() => import('./notes/PrivateNotes.js').then((m) => ({ default: m.PrivateNotes })));
export const TopicNotes = lazy(() => import('./notes/TopicNotes.js').then((m) => ({ default: m.TopicNotes })));
export const PastMeetings = lazy(() => import('./history/PastMeetings.js').then((m) => ({ default: m.PastMeetings })));
export const PastMeetingView = lazy(() =>
  import('./history/PastMeetingView.js').then((m) => ({ default: m.PastMeetingView })),
);
export const FromLastTime = lazy(() => import('./followUp/FromLastTime.js').then((m) => ({ default: m.FromLastTime })));
export const ActionItemsSection = lazy(() =>
  import('./actionItems/ActionItemsSection.js').then((m) => ({ default: m.ActionItemsSection })),
);
export const AddActionItemForm = lazy(() =>
  import('./actionItems/AddActionItemForm.js').then((m) => ({ default: m.AddActionItemForm })),
);
export const WrapUp = lazy(() => import('./history/WrapUp.js').then((m) => ({ default: m.WrapUp })));
export const UndoToast = lazy(() => import('./decisions/UndoToast.js').then((m) => ({ default: m.UndoToast })));
