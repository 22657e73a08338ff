/**
 * The TLS options of one server of a directory — for ldaps://, for StartTLS, and for the directory
 * check's certificate probe, so all three verify the same way: the CA file, certificate checks on
 * or off, and the host name the certificate must carry (tls.servername, else the URL host).
 */
import { readFileSync } from 'node:fs';
import net from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import type { LdapDirectoryConfig } from '../../config/schema';
import { DialpaneError } from '../../errors';
import type { Endpoint } from './endpoint';

type TlsConfig = Pick<LdapDirectoryConfig, 'id' | 'tls'>;

/** The CA file's bytes, read at each connection so a replaced file is picked up without a restart. */
export function readCaFile(config: TlsConfig): Buffer | undefined {
  const { caFile } = config.tls;
  if (caFile === undefined) return undefined;
  try {
    return readFileSync(caFile);
  } catch (error) {
    throw new DialpaneError('DIRECTORY_ERROR', `tls.caFile ${caFile} of directory "${config.id}" cannot be read.`, 'Check the path and that the service may read the file.', {
      cause: error,
      problem: 'TLS_CA_FILE',
    });
  }
}

/** The name the certificate must carry: tls.servername, else the host of the URL. */
export const expectedCertificateName = (config: TlsConfig, endpoint: Endpoint): string => config.tls.servername ?? endpoint.host;

export function tlsOptions(config: TlsConfig, endpoint: Endpoint): ConnectionOptions {
  const ca = readCaFile(config);
  // StartTLS upgrades an existing socket, so Node learns the host only from these options; SNI
  // must not carry an IP address, so servername is set only for names.
  const servername = config.tls.servername ?? (net.isIP(endpoint.host) ? undefined : endpoint.host);
  const options: ConnectionOptions = { host: endpoint.host, rejectUnauthorized: config.tls.rejectUnauthorized };
  if (ca !== undefined) options.ca = ca;
  if (servername !== undefined) options.servername = servername;
  return options;
}
