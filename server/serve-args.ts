/**
 * The arguments of `dialpane [serve]`: only --config FILE. Checked before anything starts, so
 * `dialpane --help` prints the usage instead of starting the service, and `--config` without a file
 * or a misspelt `--conf x` is refused instead of silently serving the embedded demo.
 */
export type ServeArgs = { help: true } | { help: false; config?: string };

/** The parsed arguments (after the command), or the problem in one line. */
export function parseServeArgs(argv: readonly string[]): ServeArgs | string {
  const args: ServeArgs = { help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--config') {
      const file = argv[i + 1];
      if (file === undefined || file === '' || file.startsWith('--')) return 'dialpane serve: --config needs a file: --config dialpane.yaml';
      args.config = file;
      i++;
    } else if (arg.startsWith('--config=') && arg.length > '--config='.length) args.config = arg.slice('--config='.length);
    else return `dialpane serve: unexpected argument "${arg}"`;
  }
  return args;
}
