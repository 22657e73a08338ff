/**
 * One call from the call sheet: the preview of what will be dialed for the chosen dialer, then
 * the call itself, once per click. The idempotency key belongs to a call attempt: a double click
 * finds the attempt in flight and sends nothing more; "Try again" after an answer that never
 * arrived (network) sends the same key again, so the service places at most one call; any other
 * new click is a new call with a new key.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DialerSummary, DialPreview, DialRequest, DialResponse } from '../../shared/api';
import type { ApiFailure, DialpaneClient } from '../api';
import { fetchPreview, newIdempotencyKey, placeCall } from './dial-client';
import type { CallTarget } from './dialing-context';

export type PreviewState = { status: 'loading' } | { status: 'ready'; preview: DialPreview } | { status: 'error'; error: ApiFailure };

export type CallState =
  | { status: 'idle' }
  | { status: 'placing' }
  | { status: 'placed'; response: DialResponse }
  /** A link dialer: the pane opened the URI; the phone app takes it from there. */
  | { status: 'handed' }
  | { status: 'failed'; error: ApiFailure };

/** Client-side failures where the service may have placed the call without the answer arriving. */
const ANSWER_LOST = new Set(['NETWORK', 'BAD_RESPONSE']);

export interface CallFlow {
  preview: PreviewState;
  call: CallState;
  /** Places the call (service dialers); ignored while one is in flight. */
  place(): void;
  /** Records that a link dialer's URI was opened. */
  handedOver(): void;
  retryPreview(): void;
}

export function useCallFlow(client: DialpaneClient, target: CallTarget, dialer: DialerSummary, device: string | undefined, line: string | undefined): CallFlow {
  const [preview, setPreview] = useState<PreviewState>({ status: 'loading' });
  const [call, setCall] = useState<CallState>({ status: 'idle' });
  const [previewAttempt, setPreviewAttempt] = useState(0);
  const attempt = useRef<{ key: string; fingerprint: string; busy: boolean; lost: boolean } | null>(null);
  const { directoryId, person, phoneIndex } = target;

  useEffect(() => {
    const controller = new AbortController();
    setPreview({ status: 'loading' });
    setCall({ status: 'idle' });
    void fetchPreview(client, { dialerId: dialer.id, directoryId, personId: person.id, phoneIndex }, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setPreview(result.ok ? { status: 'ready', preview: result.data } : { status: 'error', error: result.error });
    });
    return () => controller.abort();
  }, [client, dialer.id, directoryId, person.id, phoneIndex, previewAttempt]);

  const place = useCallback(() => {
    const current = attempt.current;
    if (current?.busy) return; // the second click of a double click: the first one's request is the call
    const request = {
      dialerId: dialer.id,
      directoryId,
      personId: person.id,
      phoneIndex,
      ...(device ? { device } : {}),
      ...(line ? { line } : {}),
    };
    const fingerprint = JSON.stringify(request);
    const key = current && current.lost && current.fingerprint === fingerprint ? current.key : newIdempotencyKey();
    const mine = { key, fingerprint, busy: true, lost: false };
    attempt.current = mine;
    setCall({ status: 'placing' });
    const body: DialRequest = { ...request, idempotencyKey: key };
    void placeCall(client, body).then((result) => {
      mine.busy = false;
      if (attempt.current !== mine) return;
      mine.lost = !result.ok && ANSWER_LOST.has(result.error.code);
      setCall(result.ok ? { status: 'placed', response: result.data } : { status: 'failed', error: result.error });
    });
  }, [client, dialer.id, directoryId, person.id, phoneIndex, device, line]);

  const handedOver = useCallback(() => setCall({ status: 'handed' }), []);
  const retryPreview = useCallback(() => setPreviewAttempt((n) => n + 1), []);
  return { preview, call, place, handedOver, retryPreview };
}
