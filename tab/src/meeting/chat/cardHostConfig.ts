import { tokens, type Theme } from '@fluentui/react-components';

/**
 * Adaptive Cards host config in Fluent terms, so cards look like Teams' and
 * follow the page theme. Colours are Fluent's CSS variables (the renderer
 * copies colour strings into inline styles unchanged), so light, dark and
 * high contrast come from the surrounding FluentProvider; sizes are numbers
 * in the renderer's config, so they are read from the theme.
 */
function px(value: string): number {
  return Number.parseFloat(value);
}

function foreground(defaultColor: string, subtle: string) {
  return { default: defaultColor, subtle };
}

function containerStyle(backgroundColor: string) {
  return {
    backgroundColor,
    foregroundColors: {
      default: foreground(tokens.colorNeutralForeground1, tokens.colorNeutralForeground3),
      dark: foreground(tokens.colorNeutralForeground1, tokens.colorNeutralForeground2),
      light: foreground(tokens.colorNeutralForeground3, tokens.colorNeutralForeground4),
      accent: foreground(tokens.colorBrandForeground1, tokens.colorBrandForeground2),
      good: foreground(tokens.colorPaletteGreenForeground1, tokens.colorPaletteGreenForeground2),
      warning: foreground(tokens.colorPaletteDarkOrangeForeground1, tokens.colorPaletteDarkOrangeForeground2),
      attention: foreground(tokens.colorPaletteRedForeground1, tokens.colorPaletteRedForeground2),
    },
  };
}

export function cardHostConfig(theme: Theme): object {
  return {
    supportsInteractivity: true,
    fontFamily: tokens.fontFamilyBase,
    fontSizes: {
      small: px(theme.fontSizeBase200),
      default: px(theme.fontSizeBase300),
      medium: px(theme.fontSizeBase400),
      large: px(theme.fontSizeBase500),
      extraLarge: px(theme.fontSizeBase600),
    },
    fontWeights: {
      lighter: theme.fontWeightRegular,
      default: theme.fontWeightRegular,
      bolder: theme.fontWeightSemibold,
    },
    spacing: {
      small: px(theme.spacingVerticalS),
      default: px(theme.spacingVerticalM),
      medium: px(theme.spacingVerticalL),
      large: px(theme.spacingVerticalXL),
      extraLarge: px(theme.spacingVerticalXXL),
      padding: px(theme.spacingHorizontalL),
    },
    separator: { lineThickness: px(theme.strokeWidthThin), lineColor: tokens.colorNeutralStroke2 },
    containerStyles: {
      default: containerStyle(tokens.colorNeutralBackground1),
      emphasis: containerStyle(tokens.colorNeutralBackground3),
      accent: containerStyle(tokens.colorBrandBackground2),
      good: containerStyle(tokens.colorPaletteGreenBackground1),
      attention: containerStyle(tokens.colorPaletteRedBackground1),
      warning: containerStyle(tokens.colorPaletteYellowBackground1),
    },
    actions: {
      maxActions: 6,
      spacing: 'default',
      buttonSpacing: px(theme.spacingHorizontalS),
      actionsOrientation: 'horizontal',
      actionAlignment: 'left',
      allowTitleToWrap: true,
      showCard: { actionMode: 'inline', inlineTopMargin: px(theme.spacingVerticalM) },
    },
    inputs: {
      label: {
        inputSpacing: 'small',
        requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
        optionalInputs: { weight: 'bolder' },
      },
      errorMessage: { size: 'small', color: 'attention' },
    },
    factSet: {
      title: { weight: 'bolder', wrap: true, maxWidth: 150 },
      value: { wrap: true },
      spacing: px(theme.spacingHorizontalS),
    },
  };
}
