/**
 * Runs bench/index-memory.ts in a child `node --expose-gc` (through tsx's loader): its heap
 * figures need a forced GC and a heap of their own, not the runner's with its servers and loads.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import type { IndexMemoryResult } from './index-memory';

export function indexMemoryInChild(count: number): Promise<IndexMemoryResult> {
  const script = path.join(__dirname, 'index-memory.ts');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--expose-gc', '--import', 'tsx', script, String(count)], { cwd: path.join(__dirname, '..'), maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`bench/index-memory.ts failed: ${stderr || error.message}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as IndexMemoryResult);
      } catch {
        reject(new Error(`bench/index-memory.ts printed no result: ${stdout}${stderr}`));
      }
    });
  });
}
