import { teamsDarkTheme, teamsHighContrastTheme, teamsLightTheme, type Theme } from '@fluentui/react-components';

/** Teams' theme names, as `app.getContext()` and the `?theme=` query parameter give them. */
export type ThemeName = 'default' | 'dark' | 'contrast';

export function themeName(value: string | null | undefined): ThemeName | undefined {
  return value === 'default' || value === 'dark' || value === 'contrast' ? value : undefined;
}

export function fluentTheme(name: ThemeName): Theme {
  return name === 'dark' ? teamsDarkTheme : name === 'contrast' ? teamsHighContrastTheme : teamsLightTheme;
}

/** `?theme=` wins over the host's theme: tests and the local meeting page pin it. */
export function themeFromQuery(search: string = window.location.search): ThemeName | undefined {
  return themeName(new URLSearchParams(search).get('theme'));
}
