import { existsSync } from 'node:fs';
import path from 'node:path';

/** The folder holding Dialpane's package.json, whether running from source or from dist/. */
function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`cannot find Dialpane's package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot(__dirname);
/** The built task pane (webpack output). */
export const PANE_DIR = path.join(PROJECT_ROOT, 'dist', 'pane');
