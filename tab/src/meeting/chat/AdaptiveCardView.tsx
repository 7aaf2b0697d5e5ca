import { makeStyles, shorthands, Spinner, tokens, typographyStyles } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '../../api/http.js';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { Notice } from '../../ui/Notice.js';
import type { CardActionEvent } from './cardRenderer.js';

/**
 * Fluent looks for the renderer's own elements (it ships no styles of its
 * own). Colours are tokens, so they follow the page theme.
 */
const useStyles = makeStyles({
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    '& .ac-pushButton': {
      ...typographyStyles.body1Strong,
      minHeight: '32px',
      padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderRadius: tokens.borderRadiusMedium,
      cursor: 'pointer',
    },
    '& .ac-pushButton:hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    '& .ac-pushButton.style-positive': {
      color: tokens.colorNeutralForegroundOnBrand,
      backgroundColor: tokens.colorBrandBackground,
      ...shorthands.borderColor(tokens.colorTransparentStroke),
    },
    '& .ac-pushButton.style-positive:hover': { backgroundColor: tokens.colorBrandBackgroundHover },
    '& .ac-pushButton:focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: tokens.strokeWidthThin,
    },
    '& .ac-input': {
      ...typographyStyles.body1,
      minHeight: '32px',
      boxSizing: 'border-box',
      padding: `0 ${tokens.spacingHorizontalS}`,
      color: tokens.colorNeutralForeground1,
      backgroundColor: tokens.colorNeutralBackground1,
      border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
      borderBottomColor: tokens.colorNeutralStrokeAccessible,
      borderRadius: tokens.borderRadiusMedium,
    },
    '& .ac-input:focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      borderBottomColor: tokens.colorCompoundBrandStroke,
    },
    '& .ac-input.ac-input-validation-failed': shorthands.borderColor(tokens.colorPaletteRedBorder2),
    '& a': { color: tokens.colorBrandForegroundLink },
  },
});

interface AdaptiveCardViewProps {
  card: object;
  hostConfig: object;
  onAction: (event: CardActionEvent) => void;
}

/** One Adaptive Card, drawn by the official renderer into this element (re-drawn only when the card changes). */
export function AdaptiveCardView({ card, hostConfig, onAction }: AdaptiveCardViewProps) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const host = useRef<HTMLDivElement>(null);
  const latestOnAction = useRef(onAction);
  const [state, setState] = useState<'loading' | 'ready' | { failed: string }>('loading');

  useEffect(() => {
    latestOnAction.current = onAction;
  }, [onAction]);

  useEffect(() => {
    let current = true;
    import('./cardRenderer.js')
      .then(({ renderCard }) => {
        if (!current || !host.current) return;
        host.current.replaceChildren(renderCard(card, hostConfig, (event) => latestOnAction.current(event), tag));
        setState('ready');
      })
      .catch((e: unknown) => current && setState({ failed: messageOf(e) }));
    return () => {
      current = false;
    };
  }, [card, hostConfig, tag]);

  return (
    <>
      {state === 'loading' && <Spinner size="tiny" label={t('pages.chat.drawingCard')} />}
      {typeof state === 'object' && (
        <Notice intent="error">{t('pages.chat.cardFailed', { reason: state.failed })}</Notice>
      )}
      <div ref={host} className={styles.card} hidden={state !== 'ready'} />
    </>
  );
}
