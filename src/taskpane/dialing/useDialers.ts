import { useEffect, useState } from 'react';
import type { DialerSummary } from '../../shared/api';
import type { DialpaneClient } from '../api';
import { fetchDialers } from './dial-client';

/**
 * The configured dialers, loaded once. A failure is not shown: without the list the pane keeps
 * its tel: link, which works without any dialer.
 */
export function useDialers(client: DialpaneClient): DialerSummary[] {
  const [dialers, setDialers] = useState<DialerSummary[]>([]);
  useEffect(() => {
    const controller = new AbortController();
    void fetchDialers(client, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) setDialers(result.data);
      else console.warn(`Dialpane: the dialers could not be listed (${result.error.code}); Call opens the tel: link.`);
    });
    return () => controller.abort();
  }, [client]);
  return dialers;
}
