import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { themeName, type ThemeName } from '../host/theme.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
});

export type PanelWidth = 320 | 280;

const THEMES: { value: ThemeName; label: string }[] = [
  { value: 'default', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'contrast', label: 'High contrast' },
];

interface PageSettingsProps {
  theme: ThemeName;
  width: PanelWidth;
  onChange(settings: { theme: ThemeName; width: PanelWidth }): void;
}

/** The Teams theme and side panel width to try the panels in (kept in the page's address, so a reload keeps them). */
export function PageSettings({ theme, width, onChange }: PageSettingsProps) {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="group" aria-label="Page settings">
      <Field label="Theme" orientation="horizontal">
        <Select value={theme} onChange={(_, d) => onChange({ theme: themeName(d.value) ?? 'default', width })}>
          {THEMES.map((t) => (
            <option key={t.value} value={t.value}>
              {t.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Panel width" orientation="horizontal">
        <Select value={String(width)} onChange={(_, d) => onChange({ theme, width: d.value === '280' ? 280 : 320 })}>
          <option value="320">320 px (Teams side panel)</option>
          <option value="280">280 px (narrowest)</option>
        </Select>
      </Field>
    </div>
  );
}

export function widthFromQuery(search: string = window.location.search): PanelWidth {
  return new URLSearchParams(search).get('width') === '280' ? 280 : 320;
}

/** Writes the settings into the address without reloading the page. */
export function rememberSettings(theme: ThemeName, width: PanelWidth): void {
  const params = new URLSearchParams(window.location.search);
  if (theme === 'default') params.delete('theme');
  else params.set('theme', theme);
  if (width === 320) params.delete('width');
  else params.set('width', String(width));
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
}
