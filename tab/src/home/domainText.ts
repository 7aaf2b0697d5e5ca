import type { HomeFigure, HomeSignal } from '../../../domain/home.js';

/**
 * The words the service's health rules chose for a 1:1 (a figure's name and
 * value, a signal's headline and nudge), in one place: the tab shows what the
 * view carries, and the view's own localized text replaces these once the
 * domain words its results per reader (the domain catalog, #17).
 */
export const figureName = (figure: Pick<HomeFigure, 'label'>): string => figure.label;
export const figureValue = (figure: Pick<HomeFigure, 'display'>): string => figure.display;
export const signalHeadline = (signal: Pick<HomeSignal, 'headline'>): string => signal.headline;
export const signalNudge = (signal: Pick<HomeSignal, 'nudge'>): string => signal.nudge;
