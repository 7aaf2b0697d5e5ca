import { Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import type { MessageKey } from '../../../i18n/keys.js';
import { PSEUDO_LOCALE, PSEUDO_RTL_LOCALE, type MessagesLocale } from '../../../i18n/locales.js';
import { themeName, type ThemeName } from '../host/theme.js';
import { useT } from '../i18n/useT.js';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  // A field keeps its select's whole width and goes to the next line rather than shrinking under its neighbour.
  field: { flexShrink: 0, maxWidth: '100%' },
});

export type PanelWidth = 320 | 280;

const THEMES: { value: ThemeName; label: MessageKey }[] = [
  { value: 'default', label: 'pages.settings.theme.light' },
  { value: 'dark', label: 'pages.settings.theme.dark' },
  { value: 'contrast', label: 'pages.settings.theme.contrast' },
];

/** The languages to try the pages in: the two translated ones, and the pseudo-locales that show untranslated text. */
export type PageLanguage = MessagesLocale;
const TRANSLATED: readonly PageLanguage[] = ['en', 'de'];
const PSEUDO: readonly { value: PageLanguage; label: MessageKey }[] = [
  { value: PSEUDO_LOCALE, label: 'pages.settings.language.pseudo' },
  { value: PSEUDO_RTL_LOCALE, label: 'pages.settings.language.pseudoRtl' },
];

/** A language by its own name ("Deutsch", "English"), as language pickers show them, whatever the page's language. */
function ownName(language: string): string {
  return new Intl.DisplayNames([language], { type: 'language' }).of(language) ?? language;
}

function pageLanguage(value: string): PageLanguage {
  return TRANSLATED.find((l) => l === value) ?? PSEUDO.find((p) => p.value === value)?.value ?? 'en';
}

interface PageSettingsProps {
  theme: ThemeName;
  width: PanelWidth;
  language: PageLanguage;
  onChange(settings: { theme: ThemeName; width: PanelWidth }): void;
  onLanguageChange(language: PageLanguage): void;
}

/**
 * The Teams theme, side panel width and language to try the panels in
 * (kept in the page's address, so a reload keeps them).
 */
export function PageSettings({ theme, width, language, onChange, onLanguageChange }: PageSettingsProps) {
  const styles = useStyles();
  const t = useT();
  return (
    <div className={styles.bar} role="group" aria-label={t('pages.settings.group')}>
      <Field label={t('pages.settings.theme')} orientation="horizontal" className={styles.field}>
        <Select value={theme} onChange={(_, d) => onChange({ theme: themeName(d.value) ?? 'default', width })}>
          {THEMES.map((option) => (
            <option key={option.value} value={option.value}>
              {t(option.label)}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t('pages.settings.width')} orientation="horizontal" className={styles.field}>
        <Select value={String(width)} onChange={(_, d) => onChange({ theme, width: d.value === '280' ? 280 : 320 })}>
          <option value="320">{t('pages.settings.width.teams')}</option>
          <option value="280">{t('pages.settings.width.narrowest')}</option>
        </Select>
      </Field>
      <Field label={t('pages.settings.language')} orientation="horizontal" className={styles.field}>
        <Select value={language} onChange={(_, d) => onLanguageChange(pageLanguage(d.value))}>
          {TRANSLATED.map((option) => (
            <option key={option} value={option} lang={option}>
              {ownName(option)}
            </option>
          ))}
          {PSEUDO.map((option) => (
            <option key={option.value} value={option.value}>
              {t(option.label)}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

export function widthFromQuery(search: string = window.location.search): PanelWidth {
  return new URLSearchParams(search).get('width') === '280' ? 280 : 320;
}

/** Writes the settings into the address without reloading the page (a language only once someone picked one). */
export function rememberSettings(settings: { theme: ThemeName; width: PanelWidth; locale: string | undefined }): void {
  const params = new URLSearchParams(window.location.search);
  if (settings.theme === 'default') params.delete('theme');
  else params.set('theme', settings.theme);
  if (settings.width === 320) params.delete('width');
  else params.set('width', String(settings.width));
  if (settings.locale) params.set('locale', settings.locale);
  const query = params.toString();
  window.history.replaceState(null, '', `${window.location.pathname}${query ? `?${query}` : ''}`);
}
