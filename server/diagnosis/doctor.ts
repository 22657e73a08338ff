/**
 * `dialpane doctor [--config FILE] [--json]`: the directory check of every configured directory,
 * as ✓ / ✗ lines (or JSON), with exit code 0 only when every directory passes, 1 when one fails,
 * 2 when the configuration or the command line is wrong. Passwords never reach the output.
 */
import { ConfigError, loadConfig } from '../config/load';
import { startupWarnings } from '../config/warnings';
import { createDirectories } from '../directory/create-directories';
import { formatCheck, formatSummary } from './format';

export const DOCTOR_USAGE = 'Usage: dialpane doctor [--config FILE] [--json]\n';

export interface DoctorIo {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

interface DoctorArgs {
  config?: string;
  json: boolean;
  help: boolean;
}

function parseArgs(argv: readonly string[]): DoctorArgs | string {
  const args: DoctorArgs = { json: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--json') args.json = true;
    else if (arg === '--help' || arg === '-h') args.help = true;
    else if (arg === '--config' && argv[i + 1] !== undefined) args.config = argv[++i];
    else if (arg.startsWith('--config=')) args.config = arg.slice('--config='.length);
    else return `dialpane doctor: unexpected argument "${arg}"\n${DOCTOR_USAGE}`;
  }
  return args;
}

export async function runDoctor(argv: readonly string[], io: DoctorIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    io.err(args);
    return 2;
  }
  if (args.help) {
    io.out(DOCTOR_USAGE);
    return 0;
  }
  let loaded;
  let directories;
  try {
    loaded = loadConfig(args.config, io.env);
    // An LDIF file that is not LDIF is found here, and is a configuration error (exit 2) like the rest.
    directories = createDirectories(loaded, { indexes: false });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    io.err(`dialpane doctor: ${error.message}\n`);
    return 2;
  }
  try {
    const checks = await Promise.all(directories.map((d) => d.check()));
    if (args.json) {
      io.out(`${JSON.stringify(checks, null, 2)}\n`);
    } else {
      const warnings = startupWarnings(loaded.config).map((w) => `Warning: ${w}\n`);
      io.out(`Dialpane doctor: ${loaded.source}\n${warnings.join('')}\n${checks.map(formatCheck).join('\n\n')}\n\n${formatSummary(checks)}\n`);
    }
    return checks.every((c) => c.ok) ? 0 : 1;
  } finally {
    await Promise.all(directories.map((d) => d.close()));
  }
}
