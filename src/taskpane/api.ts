/**
 * The pane's data layer: typed calls to the Dialpane service, apart from the UI.
 * Every call resolves — never rejects — to an `ApiResult`: the typed body, or an `ApiFailure`
 * carrying the service's `{ code, message, hint }` (or one made here when the service could not
 * be reached or answered something unexpected). Callers switch on `ok` and on `error.code`.
 */
import { ALL_DIRECTORIES, type ApiError, type DirectoryCheck, type DirectorySummary, type PageResponse, type Person, type SearchResponse } from '../shared/api';

/** Codes made by the pane itself, next to the service's own (DIRECTORY_UNREACHABLE, BAD_QUERY, ...). */
export type ClientErrorCode = 'ABORTED' | 'NETWORK' | 'BAD_RESPONSE';

export interface ApiFailure extends ApiError {
  /** HTTP status, or 0 when no answer arrived. */
  status: number;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiFailure };

export const isAborted = (result: ApiResult<unknown>): boolean => !result.ok && result.error.code === 'ABORTED';

/** The pieces of `fetch` this client uses, so tests can hand in their own. */
export type FetchLike = (input: string, init: { signal?: AbortSignal; headers: Record<string, string>; method?: string; body?: string }) => Promise<Response>;

export interface ClientMessages {
  network: { message: string; hint: string };
  badResponse: (status: number) => { message: string; hint: string };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function isApiError(value: unknown): value is ApiError {
  return isRecord(value) && typeof value['code'] === 'string' && typeof value['message'] === 'string' && typeof value['hint'] === 'string';
}

/** Light shape checks: the service is ours, but a proxy in between can answer anything. */
const shapes = {
  directories: (v: unknown): v is DirectorySummary[] => Array.isArray(v) && v.every((d) => isRecord(d) && typeof d['id'] === 'string' && typeof d['displayName'] === 'string'),
  search: (v: unknown): v is SearchResponse => isRecord(v) && Array.isArray(v['people']) && typeof v['more'] === 'boolean',
  page: (v: unknown): v is PageResponse => isRecord(v) && Array.isArray(v['people']) && (v['nextCursor'] === null || typeof v['nextCursor'] === 'string'),
  person: (v: unknown): v is Person => isRecord(v) && typeof v['id'] === 'string' && typeof v['displayName'] === 'string' && Array.isArray(v['phones']),
  check: (v: unknown): v is DirectoryCheck => isRecord(v) && typeof v['ok'] === 'boolean' && Array.isArray(v['steps']),
};

/** Where the people of a directory are listed: one directory's, or every directory's at once (ALL_DIRECTORIES). */
const peoplePath = (directoryId: string): string => (directoryId === ALL_DIRECTORIES ? 'api/people' : `api/directories/${encodeURIComponent(directoryId)}/people`);

export class DialpaneClient {
  /**
   * @param baseUrl where `api/` lives, relative to the page by default, so the pane works under
   *   any path the service is published at.
   */
  constructor(
    private readonly messages: ClientMessages,
    private readonly baseUrl: string = document.baseURI,
    private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init),
  ) {}

  directories(signal?: AbortSignal): Promise<ApiResult<DirectorySummary[]>> {
    return this.get('api/directories', shapes.directories, signal);
  }

  /** Search as you type in one directory, or in all of them with ALL_DIRECTORIES. */
  search(directoryId: string, query: string, limit: number, signal?: AbortSignal): Promise<ApiResult<SearchResponse>> {
    const params = new URLSearchParams({ q: query, limit: String(limit) });
    return this.get(`${peoplePath(directoryId)}?${params}`, shapes.search, signal);
  }

  /** One page of Show All; no cursor starts at the beginning. */
  page(directoryId: string, cursor: string | null, signal?: AbortSignal): Promise<ApiResult<PageResponse>> {
    const query = cursor === null ? '' : `?${new URLSearchParams({ cursor })}`;
    return this.get(`${peoplePath(directoryId)}${query}`, shapes.page, signal);
  }

  /** The directory check: each step ok or failed, with cause and fix. */
  check(directoryId: string, signal?: AbortSignal): Promise<ApiResult<DirectoryCheck>> {
    return this.get(`api/directories/${encodeURIComponent(directoryId)}/check`, shapes.check, signal);
  }

  /** An absolute URL for a path the service handed out (a photoUrl), resolved like every call here. */
  resolve(path: string): string {
    return new URL(path, this.baseUrl).toString();
  }

  person(directoryId: string, personId: string, signal?: AbortSignal): Promise<ApiResult<Person>> {
    return this.get(`api/directories/${encodeURIComponent(directoryId)}/people/${encodeURIComponent(personId)}`, shapes.person, signal);
  }

  /** A GET of any API path (relative to the base URL), with the same result contract; for the data modules beside this one. */
  getJson<T>(path: string, shape: (value: unknown) => value is T, signal?: AbortSignal): Promise<ApiResult<T>> {
    return this.get(path, shape, signal);
  }

  /** A POST of a JSON body, with the same result contract as the GETs. */
  postJson<T>(path: string, body: unknown, shape: (value: unknown) => value is T, signal?: AbortSignal): Promise<ApiResult<T>> {
    return this.get(path, shape, signal, { method: 'POST', body: JSON.stringify(body) });
  }

  private async get<T>(path: string, shape: (value: unknown) => value is T, signal?: AbortSignal, post?: { method: 'POST'; body: string }): Promise<ApiResult<T>> {
    const url = new URL(path, this.baseUrl).toString();
    let response: Response;
    try {
      response = await this.fetchImpl(url, post ? { signal, headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, ...post } : { signal, headers: { Accept: 'application/json' } });
    } catch (error) {
      if (signal?.aborted || (error instanceof DOMException && error.name === 'AbortError')) return this.fail('ABORTED', 0, 'aborted', '');
      return this.fail('NETWORK', 0, this.messages.network.message, this.messages.network.hint);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (signal?.aborted || (error instanceof DOMException && error.name === 'AbortError')) return this.fail('ABORTED', 0, 'aborted', '');
      const text = this.messages.badResponse(response.status);
      return this.fail('BAD_RESPONSE', response.status, text.message, text.hint);
    }
    if (!response.ok) {
      if (isApiError(body)) return { ok: false, error: { code: body.code, message: body.message, hint: body.hint, status: response.status } };
      const text = this.messages.badResponse(response.status);
      return this.fail('BAD_RESPONSE', response.status, text.message, text.hint);
    }
    if (!shape(body)) {
      const text = this.messages.badResponse(response.status);
      return this.fail('BAD_RESPONSE', response.status, text.message, text.hint);
    }
    return { ok: true, data: body };
  }

  private fail(code: ClientErrorCode, status: number, message: string, hint: string): ApiResult<never> {
    return { ok: false, error: { code, message, hint, status } };
  }
}
