/** The service as the tests drive it: the embedded demo directory plus the dialing configuration under test. */
import type { Express } from 'express';
import { createApp, type AppDeps } from '../../../server/app';
import { demoConfigInput, parseConfig, type LoadedConfig } from '../../../server/config/load';
import { createDialers } from '../../../server/dial/create-dialers';
import { createDirectories } from '../../../server/directory/create-directories';
import type { Directory } from '../../../server/directory/directory';

export interface DialApp {
  app: Express;
  loaded: LoadedConfig;
  directory: Directory;
  /** Stable id of a demo person, found by name. */
  personId(name: string): Promise<string>;
}

export function dialApp(dialing: { dialRules?: unknown[]; dialers: unknown[] }, env: NodeJS.ProcessEnv = {}, deps: Partial<AppDeps> = {}): DialApp {
  const loaded = parseConfig({ ...demoConfigInput(), ...dialing }, env);
  const directories = createDirectories(loaded);
  const directory = directories[0];
  if (directory === undefined) throw new Error('the demo configuration has no directory');
  const app = createApp(loaded.config, { directories, dialers: createDialers(loaded), ...deps });
  return {
    app,
    loaded,
    directory,
    async personId(name: string) {
      const found = await directory.search(name, 2);
      const person = found.people.find((p) => p.displayName === name);
      if (person === undefined) throw new Error(`${name} is not in the demo directory`);
      return person.id;
    },
  };
}

/** A fresh idempotency key, as the pane makes one per click. */
export const newKey = (): string => `click-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
