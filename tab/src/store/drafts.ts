/** Something typed and not saved yet: a note waiting for its autosave, an open text editor. */
export interface Draft {
  pending(): boolean;
  /** Send it now; called while the page is going away, so it must start its request synchronously. */
  flushNow(): void;
}

/** The drafts open in one panel, so leaving the page can save them all and warn while one is pending. */
export function createDrafts() {
  const open = new Set<Draft>();
  return {
    register(draft: Draft): () => void {
      open.add(draft);
      return () => open.delete(draft);
    },
    pending: () => [...open].some((d) => d.pending()),
    flushAll(): void {
      for (const draft of open) if (draft.pending()) draft.flushNow();
    },
  };
}

export type Drafts = ReturnType<typeof createDrafts>;
