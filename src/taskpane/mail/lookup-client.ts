/** The pane's side of POST /api/lookup/emails: typed, shape-checked, never rejecting (see api.ts). */
import type { EmailLookupResponse } from '../../shared/api';
import type { ApiResult, DialpaneClient } from '../api';
import { isRecord } from './office-mail';

const isPersonLike = (v: unknown): boolean => isRecord(v) && typeof v['id'] === 'string' && typeof v['displayName'] === 'string' && Array.isArray(v['phones']);

export function isLookupResponse(v: unknown): v is EmailLookupResponse {
  if (!isRecord(v) || !Array.isArray(v['matches']) || !Array.isArray(v['notFound'])) return false;
  const matchesOk = v['matches'].every((m: unknown) => isRecord(m) && typeof m['address'] === 'string' && typeof m['directoryId'] === 'string' && isPersonLike(m['person']));
  const failures = v['failures'];
  return matchesOk && v['notFound'].every((a: unknown) => typeof a === 'string') && (failures === undefined || Array.isArray(failures));
}

export function lookupEmails(client: DialpaneClient, addresses: readonly string[], signal?: AbortSignal): Promise<ApiResult<EmailLookupResponse>> {
  return client.postJson('api/lookup/emails', { addresses }, isLookupResponse, signal);
}
