/** The pane's side of the dialing API (GET /api/dialers, POST /api/dial/preview, POST /api/dial, devices). */
import { DIALER_KINDS, type DialerDevice, type DialerSummary, type DialPreview, type DialPreviewRequest, type DialRequest, type DialResponse } from '../../shared/api';
import type { ApiResult, DialpaneClient } from '../api';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isDialer = (v: unknown): v is DialerSummary =>
  isRecord(v) && typeof v['id'] === 'string' && typeof v['displayName'] === 'string' && (DIALER_KINDS as readonly unknown[]).includes(v['kind']) && typeof v['inPane'] === 'boolean' && typeof v['userDevice'] === 'boolean' && typeof v['listsDevices'] === 'boolean';
const isDialers = (v: unknown): v is DialerSummary[] => Array.isArray(v) && v.every(isDialer);
const isPreview = (v: unknown): v is DialPreview => isRecord(v) && typeof v['dialed'] === 'string' && typeof v['preview'] === 'string' && (v['uri'] === undefined || typeof v['uri'] === 'string');
const isDialResponse = (v: unknown): v is DialResponse => isRecord(v) && (v['outcome'] === 'ringing' || v['outcome'] === 'queued') && typeof v['preview'] === 'string';
const isDevices = (v: unknown): v is DialerDevice[] => Array.isArray(v) && v.every((d) => isRecord(d) && typeof d['deviceName'] === 'string' && Array.isArray(d['lines']));

export const fetchDialers = (client: DialpaneClient, signal?: AbortSignal): Promise<ApiResult<DialerSummary[]>> => client.getJson('api/dialers', isDialers, signal);

export const fetchDevices = (client: DialpaneClient, dialerId: string, signal?: AbortSignal): Promise<ApiResult<DialerDevice[]>> =>
  client.getJson(`api/dialers/${encodeURIComponent(dialerId)}/devices`, isDevices, signal);

export const fetchPreview = (client: DialpaneClient, request: DialPreviewRequest, signal?: AbortSignal): Promise<ApiResult<DialPreview>> => client.postJson('api/dial/preview', request, isPreview, signal);

export const placeCall = (client: DialpaneClient, request: DialRequest, signal?: AbortSignal): Promise<ApiResult<DialResponse>> => client.postJson('api/dial', request, isDialResponse, signal);

/** One idempotency key per call attempt (a UUID; the pane runs on HTTPS, where randomUUID exists). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
