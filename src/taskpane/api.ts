/**
 * The pane's data layer: typed calls to the Dialpane service, apart from the UI.
 * Every call resolves — never rejects — to an `ApiResult`: the typed body, or an `ApiFailure`
 * carrying the service's `{ code, message, hint }` (or one made here when the service could not
 * be reached or answered something unexpected). Callers switch on `ok` and on `error.code`.
 */
import { ALL_DIRECTORIES, type ApiError, type DirectoryCheck, type DirectorySummary, type PageResponse, type Person, type SearchResponse, type SessionResponse, type SignInOptions, type SignInRequest } from '../shared/api';
import type { SessionStore } from './session';

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
  signInOptions: (v: unknown): v is SignInOptions => isRecord(v) && (v['mode'] === 'directory' || v['mode'] === 'none') && Array.isArray(v['directories']),
  session: (v: unknown): v is SessionResponse => isRecord(v) && typeof v['token'] === 'string' && typeof v['expiresAt'] === 'string' && isRecord(v['user']),
  nothing: (_v: unknown): _v is null => true,
  check: (v: unknown): v is DirectoryCheck => isRecord(v) && typeof v['ok'] === 'boolean' && Array.isArray(v['steps']),
};

/** Where the people of a directory are listed: one directory's, or every directory's at once (ALL_DIRECTORIES). */
const peoplePath = (directoryId: string): string => (directoryId === ALL_DIRECTORIES ? 'api/people' : `api/directories/${encodeURIComponent(directoryId)}/people`);

export class DialpaneClient {
  /**
   * @param baseUrl where `api/` lives, relative to the page by default, so the pane works under
   *   any path the service is published at.
   * @param session where the sign-in token comes from; a 401 from the service is reported to it.
   */
  constructor(
    private readonly messages: ClientMessages,
    private readonly baseUrl: string = document.baseURI,
    private readonly fetchImpl: FetchLike = (input, init) => fetch(input, init),
    private readonly session?: SessionStore,
  ) {}

  /** Public: whether the service wants a sign-in, and against which directories. */
  signInOptions(signal?: AbortSignal): Promise<ApiResult<SignInOptions>> {
    return this.request('GET', 'api/session/options', shapes.signInOptions, { signal });
  }

  /** Signs in; on success the session store holds the token. A refusal is a failure like any other (no sign-in loop). */
  async signIn(body: SignInRequest): Promise<ApiResult<SessionResponse>> {
    const result = await this.request('POST', 'api/session', shapes.session, { body, anonymous: true });
    if (result.ok) this.session?.signedIn(result.data);
    return result;
  }

  /** A fresh token while the pane is open. */
  async refresh(): Promise<ApiResult<SessionResponse>> {
    const result = await this.request('POST', 'api/session/refresh', shapes.session, {});
    if (result.ok) this.session?.signedIn(result.data);
    return result;
  }

  /** Ends the session on the service (best effort) and in the pane. */
  async signOut(): Promise<void> {
    await this.request('DELETE', 'api/session', shapes.nothing, {});
    this.session?.needsSignIn();
  }

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

  /**
   * Where an <img> finds a photo the service handed out (a photoUrl). Without sign-in, its URL. With
   * sign-in the photo route wants the token, which an <img> cannot send: the bytes are fetched with
   * it and shown from an object URL (the caller revokes it). Undefined when it could not be loaded.
   */
  async photoSource(path: string, signal?: AbortSignal): Promise<{ src: string; revoke: () => void } | undefined> {
    const url = this.resolve(path);
    const token = this.session?.token();
    if (token === undefined) return { src: url, revoke: () => undefined };
    try {
      const response = await this.fetchImpl(url, { signal, headers: { Authorization: `Bearer ${token}` } });
      if (!response.ok) return undefined;
      const objectUrl = URL.createObjectURL(await response.blob());
      return { src: objectUrl, revoke: () => URL.revokeObjectURL(objectUrl) };
    } catch {
      return undefined;
    }
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
    return this.request('POST', path, shape, { signal, body });
  }

  private get<T>(path: string, shape: (value: unknown) => value is T, signal?: AbortSignal): Promise<ApiResult<T>> {
    return this.request('GET', path, shape, { signal });
  }

  private async request<T>(method: string, path: string, shape: (value: unknown) => value is T, options: { signal?: AbortSignal | undefined; body?: unknown; anonymous?: boolean }): Promise<ApiResult<T>> {
    const { signal } = options;
    const url = new URL(path, this.baseUrl).toString();
    const headers: Record<string, string> = { Accept: 'application/json' };
    const token = options.anonymous ? undefined : this.session?.token();
    if (token !== undefined) headers['Authorization'] = `Bearer ${token}`;
    const init: Parameters<FetchLike>[1] = { signal, headers, method };
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(options.body);
    }
    let response: Response;
    try {
      response = await this.fetchImpl(url, init);
    } catch (error) {
      if (signal?.aborted || (error instanceof DOMException && error.name === 'AbortError')) return this.fail('ABORTED', 0, 'aborted', '');
      return this.fail('NETWORK', 0, this.messages.network.message, this.messages.network.hint);
    }
    if (response.status === 204) return shape(null) ? { ok: true, data: null as T } : this.fail('BAD_RESPONSE', 204, this.messages.badResponse(204).message, this.messages.badResponse(204).hint);
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      if (signal?.aborted || (error instanceof DOMException && error.name === 'AbortError')) return this.fail('ABORTED', 0, 'aborted', '');
      const text = this.messages.badResponse(response.status);
      return this.fail('BAD_RESPONSE', response.status, text.message, text.hint);
    }
    if (!response.ok) {
      if (isApiError(body)) {
        // The service wants a sign-in: the pane switches to its form (not for a refused sign-in itself).
        if (response.status === 401 && body.code === 'UNAUTHENTICATED' && !options.anonymous) this.session?.needsSignIn(token === undefined ? undefined : body.message);
        return { ok: false, error: { code: body.code, message: body.message, hint: body.hint, status: response.status } };
      }
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
