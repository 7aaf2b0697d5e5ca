import { tokens, typographyStyles, type GriffelStyle } from '@fluentui/react-components';

/** Layout fragments the panel's sections share, built from Fluent tokens so every theme applies. */
export const stack = (gap: string): GriffelStyle => ({ display: 'flex', flexDirection: 'column', gap });

/** A list without bullets or indentation, its items stacked. */
export const plainList = (gap: string = '0'): GriffelStyle => ({
  listStyle: 'none',
  margin: 0,
  padding: 0,
  ...stack(gap),
});

export const sectionHeading: GriffelStyle = { ...typographyStyles.subtitle2, margin: 0 };

/** A bordered box for a compact group (health strip, a past topic, "From last time"). */
export const outlinedBox = (stroke: string = tokens.colorNeutralStroke2): GriffelStyle => ({
  ...stack(tokens.spacingVerticalXS),
  padding: tokens.spacingHorizontalS,
  borderRadius: tokens.borderRadiusMedium,
  border: `${tokens.strokeWidthThin} solid ${stroke}`,
});

export const mutedText: GriffelStyle = { color: tokens.colorNeutralForeground2 };

/** Read by screen readers, not shown: words a sighted person gets from an icon or the layout. */
export const visuallyHidden: GriffelStyle = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  margin: '-1px',
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/**
 * Two form fields side by side where there is room, one under the other in
 * a 320 px panel: a field never shrinks below what shows its value whole
 * (an owner's name, a date, "Europe/London").
 */
export const fieldRow: GriffelStyle = { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS };
export const fieldHalf: GriffelStyle = { flexGrow: 1, flexBasis: '11rem', minWidth: 0 };

/**
 * Placeholders in italics: in high contrast a placeholder has the colour of
 * typed text, so its shape is what tells a hint from a value (all themes, one rule).
 */
export const hintedPlaceholders: GriffelStyle = {
  '& input::placeholder': { fontStyle: 'italic' },
  '& textarea::placeholder': { fontStyle: 'italic' },
};

/**
 * A page's FluentProvider fills the window. Fluent gives portals (the Undo
 * toast, menus) a mount node with the provider's classes, at the top of the
 * document above everything: without the exception that node was a
 * window-high box in the theme's background, covering the panel's top while
 * a toast or menu was open.
 */
export const fullHeightProvider: GriffelStyle = {
  minHeight: '100vh',
  '&[data-portal-node]': { minHeight: 'auto', padding: 0 },
};
