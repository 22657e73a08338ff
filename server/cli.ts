/**
 * The `dialpane` command: `dialpane [serve] [--config FILE]` runs the service,
 * `dialpane config-docs` prints the configuration reference.
 */
import { configReference } from './config/reference';

const USAGE = `Usage:
  dialpane [serve] [--config FILE]   run the companion service (no --config: the embedded demo directory)
  dialpane config-docs               print the configuration reference (Markdown)
`;

const command = process.argv[2] === undefined || process.argv[2].startsWith('--') ? 'serve' : process.argv[2];
switch (command) {
  case 'serve':
    require('./main');
    break;
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
