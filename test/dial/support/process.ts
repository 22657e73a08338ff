/** Child processes the tests start, stopped by the PID they got — never by name. */
import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';

export interface Started {
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

export function start(command: string, args: string[], logFile: string, cwd?: string): Started {
  const out = openSync(logFile, 'a');
  const child = spawn(command, args, { stdio: ['ignore', out, out], ...(cwd ? { cwd } : {}) });
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  child.once('error', (error) => {
    throw new Error(`${command} could not start: ${error.message} (is it installed? see test/setup/debian-packages.txt)`);
  });
  return {
    child,
    logFile,
    async stop() {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(killer);
    },
  };
}
