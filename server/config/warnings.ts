/** Settings that are allowed but unsafe: logged by the service at start and printed by `dialpane doctor`. */
import type { Config } from './schema';

export function startupWarnings(config: Config): string[] {
  return config.directories.flatMap((d) =>
    d.kind !== 'ldif' && !d.tls.rejectUnauthorized
      ? [`directory "${d.id}": tls.rejectUnauthorized is false — the directory's certificate is not verified, so a machine in between could read the bind password. Set tls.caFile instead.`]
      : [],
  );
}
