import { Button } from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useState } from 'react';
import { useT } from '../../i18n/useT.js';
import type { TopicMenuProps } from './TopicMenu.js';

// Fluent's Menu (with its positioning) is loaded on first use, not with the panel: the side panel's first load stays small.
const TopicMenu = lazy(() => import('./TopicMenu.js').then((m) => ({ default: m.TopicMenu })));
const preload = () => void import('./TopicMenu.js');

/**
 * The "More" button of a topic row. Until the menu module is wanted, a
 * plain button of the same look; once clicked, the real menu opens.
 */
export function TopicMenuButton(props: TopicMenuProps) {
  const t = useT();
  const [wanted, setWanted] = useState(false);
  const trigger = (
    <Button
      size="small"
      appearance="subtle"
      tabIndex={-1}
      icon={<MoreHorizontalRegular />}
      aria-label={t('panel.topic.more', { text: props.topic.text })}
      aria-haspopup="menu"
      data-topic-menu=""
      onPointerEnter={preload}
      onClick={() => setWanted(true)}
    />
  );
  if (!wanted) return trigger;
  return (
    <Suspense fallback={trigger}>
      <TopicMenu {...props} initiallyOpen />
    </Suspense>
  );
}
