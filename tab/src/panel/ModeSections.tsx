import { Suspense, type ReactNode } from 'react';
import type { Meeting } from '../../../domain/entities.js';
import { useT } from '../i18n/useT.js';
import type { PanelMode } from '../store/meetingSelectors.js';
import { Disclosure } from '../ui/Disclosure.js';
import { AgendaSection } from './agenda/AgendaSection.js';
import {
  ActionItemsSection,
  FromLastTime,
  HealthStrip,
  PastMeetings,
  PrivateNotes,
  TryAsking,
  WrapUp,
} from './lazySections.js';
import { useSeriesView } from './SeriesContext.js';

/** A section loaded after first paint: nothing in its place meanwhile, so nothing jumps twice. */
function Later({ children }: { children: ReactNode }) {
  return <Suspense fallback={null}>{children}</Suspense>;
}

interface ModeSectionsProps {
  mode: PanelMode;
  ended?: Meeting;
  onOpenPast(meetingId: string): void;
}

/**
 * The sections in the order the moment asks for. Live: "From last time" as
 * one line, then the agenda, what is being agreed, and the rest folded away.
 * Before (and just after, led by what was agreed): health, follow-up and a
 * question to try, then the agenda to prepare.
 */
export function ModeSections({ mode, ended, onOpenPast }: ModeSectionsProps) {
  const { series } = useSeriesView();
  const t = useT();
  const tail = (
    <Later>
      <ActionItemsSection />
      <PrivateNotes key={series.currentMeetingId} meetingId={series.currentMeetingId} />
      {mode === 'live' && (
        <Disclosure summary={t('panel.live.healthAndQuestion')}>
          <HealthStrip />
          <TryAsking />
        </Disclosure>
      )}
      <PastMeetings onOpen={onOpenPast} />
    </Later>
  );

  if (mode === 'live') {
    return (
      <>
        <Later>
          <FromLastTime compact />
        </Later>
        <AgendaSection live />
        {tail}
      </>
    );
  }
  return (
    <>
      {mode === 'after' && ended && (
        <Later>
          <WrapUp meeting={ended} />
        </Later>
      )}
      <Later>
        <HealthStrip />
      </Later>
      <Later>
        <FromLastTime />
      </Later>
      <Later>
        <TryAsking />
      </Later>
      <AgendaSection live={false} />
      {tail}
    </>
  );
}
