import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useT } from '../../i18n/useT.js';
import { selectActionItems } from '../../store/selectors.js';
import { useSeriesView } from '../SeriesContext.js';
import { ActionItemRow } from './ActionItemRow.js';
import { AddActionItemForm, NEW_ACTION_ITEM_INPUT_ID } from './AddActionItemForm.js';
import { useSteadyList } from './useSteadyList.js';
import { mutedText, plainList, sectionHeading, stack } from '../../ui/styles.js';

const useStyles = makeStyles({
  section: stack(tokens.spacingVerticalS),
  heading: sectionHeading,
  list: plainList(tokens.spacingVerticalXS),
  empty: mutedText,
});

/** Follow up on action points: what was agreed, who owns it, by when. */
export function ActionItemsSection() {
  const styles = useStyles();
  const t = useT();
  const { state } = useSeriesView();
  const steady = useSteadyList(selectActionItems(state));
  const items = steady.items;
  // After a delete, focus goes to the neighbour (or the new item field): never lost to the top of the page.
  const focusAfterDelete = (index: number) => {
    const next = items[index + 1] ?? items[index - 1];
    requestAnimationFrame(() => {
      const row = next && document.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(next.id)}"] input`);
      (row ?? document.getElementById(NEW_ACTION_ITEM_INPUT_ID))?.focus();
    });
  };

  return (
    <section data-shortcut-scope className={styles.section} aria-labelledby="action-items-heading">
      <h2 id="action-items-heading" className={styles.heading}>
        {t('panel.items.heading')}
      </h2>
      {items.length === 0 ? (
        <Text className={styles.empty}>{t('panel.items.empty')}</Text>
      ) : (
        <ul className={styles.list} aria-label={t('panel.items.heading')} {...steady.listProps}>
          {items.map((item, index) => (
            <ActionItemRow
              key={item.id}
              item={item}
              beforeToggle={steady.beforeToggle}
              onDeleted={() => focusAfterDelete(index)}
            />
          ))}
        </ul>
      )}
      <AddActionItemForm />
    </section>
  );
}
