/**
 * The `dialpane` command: `dialpane [serve] [--config FILE]` runs the service,
 * `dialpane doctor [--config FILE] [--json]` checks every directory, and
 * `dialpane config-docs` prints the configuration reference.
 */
import { configReference } from './config/reference';
import { runDoctor } from './diagnosis/doctor';
import { parseServeArgs } from './serve-args';

const USAGE = `Usage:
  dialpane [serve] [--config FILE]          run the companion service (no --config: the embedded demo directory)
  dialpane doctor [--config FILE] [--json]  check every directory step by step: reach, TLS, bind, search base, people
                                            (exit code 0 only when every directory passes)
  dialpane config-docs                      print the configuration reference (Markdown)
`;

const command = process.argv[2] === undefined || process.argv[2].startsWith('--') ? 'serve' : process.argv[2];
switch (command) {
  case 'serve': {
    const args = parseServeArgs(process.argv.slice(process.argv[2] === 'serve' ? 3 : 2));
    if (typeof args === 'string') {
      process.stderr.write(`${args}\n${USAGE}`);
      process.exitCode = 2;
    } else if (args.help) process.stdout.write(USAGE);
    // Loaded only to serve: doctor and config-docs never pay for the service's modules.
    else void (require('./main') as typeof import('./main')).serve(args.config);
    break;
  }
  case 'doctor': {
    const io = { out: (t: string) => process.stdout.write(t), err: (t: string) => process.stderr.write(t), env: process.env };
    runDoctor(process.argv.slice(3), io).then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        process.stderr.write(`dialpane doctor failed unexpectedly: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 3;
      },
    );
    break;
  }
  case 'config-docs':
    process.stdout.write(`${configReference()}\n`);
    break;
  case 'help':
  case '-h':
    process.stdout.write(USAGE);
    break;
  default:
    process.stderr.write(`dialpane: unknown command "${command}"\n${USAGE}`);
    process.exitCode = 2;
}
