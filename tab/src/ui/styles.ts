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
