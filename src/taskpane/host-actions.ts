/**
 * Browser actions the pane performs for the person: copying text. Kept apart from the components,
 * which receive them as props (see App), so they render and test without a browser clipboard.
 *
 * Calling is a plain `<a href="tel:…">` link (see PhoneItem): Outlook's web views hand a followed
 * tel: link to the operating system's dialer; window.open would be blocked or open an empty window.
 */
export interface HostActions {
  /** Resolves true when the text reached the clipboard. */
  copyText(text: string): Promise<boolean>;
}

/** The old way: select a hidden textarea and run the copy command (works where the Clipboard API is blocked). */
function copyWithExecCommand(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  area.style.pointerEvents = 'none';
  document.body.appendChild(area);
  const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch (error) {
    console.warn('Dialpane: document.execCommand("copy") failed.', error);
  } finally {
    area.remove();
    previous?.focus();
  }
  return copied;
}

export const browserActions: HostActions = {
  async copyText(text) {
    if (navigator.clipboard?.writeText) {
      try {
        await navigator.clipboard.writeText(text);
        return true;
      } catch (error) {
        // Outlook's iframes often deny clipboard-write; the fallback below still works there.
        console.info('Dialpane: Clipboard API refused, falling back to execCommand.', error);
      }
    }
    return copyWithExecCommand(text);
  },
};
