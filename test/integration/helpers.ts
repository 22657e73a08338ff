/** The service under test as supertest sees it, on a configuration from test/servers/env.ts. */
import type { Express } from 'express';
import request from 'supertest';
import { createApp } from '../../server/app';
import type { LoadedConfig } from '../../server/config/load';
import { createDirectories } from '../../server/directory/create-directories';
import type { Directory } from '../../server/directory/directory';
import type { ApiError, PageResponse, Person } from '../../src/shared/api';

export interface TestApp {
  app: Express;
  directories: Directory[];
  /** Closes every directory connection (Jest waits for open sockets otherwise). */
  close(): Promise<void>;
}

export function openApp(loaded: LoadedConfig): TestApp {
  const directories = createDirectories(loaded);
  return {
    app: createApp(loaded.config, { directories }),
    directories,
    close: async () => {
      await Promise.all(directories.map((d) => d.close()));
    },
  };
}

/** Walks Show All with repeated ?cursor= until nextCursor is null; returns every person and the page count. */
export async function showAll(app: Express, directoryId: string, limit: number): Promise<{ people: Person[]; pages: number }> {
  const people: Person[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const query: Record<string, string> = { limit: String(limit) };
    if (cursor !== null) query['cursor'] = cursor;
    const res = await request(app).get(`/api/directories/${directoryId}/people`).query(query).expect(200);
    const page = res.body as PageResponse;
    expect(page.people.length).toBeLessThanOrEqual(limit);
    people.push(...page.people);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor !== null);
  return { people, pages };
}

/** The error body of a response, typed. */
export const apiError = (body: unknown): ApiError => body as ApiError;
