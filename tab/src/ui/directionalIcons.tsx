import { ArrowLeftRegular, ArrowRightRegular, ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useLocale } from '../i18n/I18nRoot.js';

/**
 * Icons that point along the line of text: "closed, opens this way" and
 * "back". Fluent's icons do not mirror themselves, so a right-to-left page
 * takes the opposite arrow.
 */
export function ChevronInlineEnd() {
  return useLocale().dir === 'rtl' ? <ChevronLeftRegular /> : <ChevronRightRegular />;
}

export function ArrowBack() {
  return useLocale().dir === 'rtl' ? <ArrowRightRegular /> : <ArrowLeftRegular />;
}
