import type { HomeFigure, HomeSignal } from '../../../domain/home.js';
import type { Translate } from '../i18n/useT.js';

/**
 * The words the service's health rules chose for a 1:1 (a figure's name and
 * value, a signal's headline and nudge), worded for the reader from the
 * LocalText the view carries next to the English fields (domain catalog).
 */
export const figureName = (figure: Pick<HomeFigure, 'labelText'>, t: Translate): string => t(figure.labelText);
export const figureValue = (figure: Pick<HomeFigure, 'displayText'>, t: Translate): string => t(figure.displayText);
export const signalHeadline = (signal: Pick<HomeSignal, 'headlineText'>, t: Translate): string =>
  t(signal.headlineText);
export const signalNudge = (signal: Pick<HomeSignal, 'nudgeText'>, t: Translate): string => t(signal.nudgeText);
