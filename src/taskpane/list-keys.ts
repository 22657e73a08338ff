import type { KeyboardEvent } from 'react';

export interface ListKeyboard {
  /** Index of the active row, -1 for none. */
  active: number;
  count: number;
  /** Rows that fit in the viewport, for PageUp/PageDown. */
  pageRows: () => number;
  moveTo: (index: number) => void;
  open: (index: number) => void;
  /** Escape, or ArrowUp on the first row. */
  leave: () => void;
}

/**
 * Listbox keys (WAI-ARIA listbox pattern): arrows, PageUp/PageDown, Home/End move the active row;
 * Enter or Space opens it; Escape leaves. Returns the onKeyDown handler.
 */
export function listKeyDown({ active, count, pageRows, moveTo, open, leave }: ListKeyboard): (event: KeyboardEvent<HTMLElement>) => void {
  const clamp = (index: number): number => Math.max(0, Math.min(count - 1, index));
  const actions: Record<string, () => void> = {
    ArrowDown: () => moveTo(clamp(active + 1)),
    ArrowUp: () => (active <= 0 ? leave() : moveTo(clamp(active - 1))),
    PageDown: () => moveTo(clamp(active + pageRows())),
    PageUp: () => moveTo(clamp(active - pageRows())),
    Home: () => moveTo(0),
    End: () => moveTo(clamp(count - 1)),
    Enter: () => active >= 0 && open(active),
    ' ': () => active >= 0 && open(active),
    Escape: leave,
  };
  return (event) => {
    const action = actions[event.key];
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    if (count > 0 || event.key === 'Escape' || event.key === 'ArrowUp') action();
  };
}
