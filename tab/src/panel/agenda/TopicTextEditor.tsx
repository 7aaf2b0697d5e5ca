import { Button, Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { useState, type FocusEvent, type FormEvent, type KeyboardEvent } from 'react';
import { TEXT_LIMITS, type Topic } from '../../../../domain/entities.js';
import { otherMember } from '../../store/selectors.js';
import { limitOf } from '../../ui/limits.js';
import { useT } from '../../i18n/useT.js';
import { useSeriesView } from '../SeriesContext.js';
import { onFocusLeft, useEditorDraft } from '../useEditorDraft.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  theirs: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder2}`,
    backgroundColor: tokens.colorStatusWarningBackground1,
  },
  quote: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
});

/**
 * Editing a topic's text inline (Enter saves, Escape cancels; leaving the
 * editor or the page saves too). The edit names the version it started from. If the other person changes the text
 * meanwhile, the editor shows their text at once, and the person chooses:
 * keep mine, take theirs, or edit both together. Nothing is lost silently.
 */
export function TopicTextEditor({ topic, onDone }: { topic: Topic; onDone(): void }) {
  const styles = useStyles();
  const t = useT();
  const { actions, series, viewer } = useSeriesView();
  const [base, setBase] = useState({ version: topic.version, text: topic.text });
  const [text, setText] = useState(topic.text);
  const [saving, setSaving] = useState(false);
  const limit = limitOf(text, TEXT_LIMITS.topic, 'topic', t);
  const theirs =
    topic.version > base.version && topic.text !== base.text && topic.text !== text.trim() ? topic.text : null;
  const other = otherMember(series, viewer)?.name ?? t('panel.otherPerson');

  const changed = text.trim() !== base.text.trim() && text.trim() !== '' && !limit.over;
  const draft = useEditorDraft({ pending: () => changed, save: () => save(base.version) });
  const close = () => {
    draft.settle();
    onDone();
  };

  const save = (version: number) => {
    if (text.trim() === base.text.trim() && !theirs) return close();
    if (text.trim() === '' || limit.over) return;
    setSaving(true);
    void actions.editTopic(topic.id, { text, baseVersion: version }).then((outcome) => {
      setSaving(false);
      if (outcome.kind === 'saved') close();
    });
  };
  // Clicking or tabbing anywhere outside the editor keeps what was typed; while
  // the other person's text is shown, the person chooses instead.
  const onBlur = (event: FocusEvent<HTMLFormElement>) =>
    onFocusLeft(event, () => {
      if (changed && theirs === null && !saving) save(base.version);
    });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(base.version);
  };
  const rebase = (next: string) => {
    setBase({ version: topic.version, text: topic.text });
    setText(next);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      save(base.version);
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} onBlur={onBlur}>
      <Field
        label={t('panel.topic.textLabel')}
        size="small"
        validationState={text.trim() === '' || limit.over ? 'error' : 'none'}
        validationMessage={text.trim() === '' ? t('panel.topic.needsText') : limit.message}
      >
        <Textarea
          size="small"
          value={text}
          autoFocus
          resize="vertical"
          onChange={(_, d) => setText(d.value)}
          onKeyDown={onKeyDown}
        />
      </Field>
      {theirs !== null && (
        <div className={styles.theirs} role="alert">
          <Text size={200}>{t('panel.topic.changedMeanwhile', { name: other })}</Text>
          <Text size={200} className={styles.quote}>
            {theirs}
          </Text>
          <div className={styles.buttons}>
            <Button
              size="small"
              appearance="primary"
              disabled={saving || limit.over}
              onClick={() => save(topic.version)}
            >
              {t('panel.edit.keepMine')}
            </Button>
            <Button size="small" onClick={close}>
              {t('panel.edit.takeTheirs')}
            </Button>
            <Button size="small" onClick={() => rebase(`${theirs}\n${text.trim()}`)}>
              {t('panel.edit.both')}
            </Button>
          </div>
        </div>
      )}
      {theirs === null && (
        <div className={styles.buttons}>
          <Button size="small" appearance="primary" type="submit" disabled={saving || text.trim() === '' || limit.over}>
            {t('panel.edit.save')}
          </Button>
          <Button size="small" onClick={close}>
            {t('panel.edit.cancel')}
          </Button>
        </div>
      )}
    </form>
  );
}
