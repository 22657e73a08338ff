/**
 * Process entry point: load and check the configuration, open the directories, serve HTTPS,
 * drain and exit on SIGTERM. Everything else lives in createApp.
 */
import https from 'node:https';
import pino from 'pino';
import { createApp, LOG_REDACT_PATHS } from './app';
import { authWarnings, createAuth } from './auth/create-auth';
import { ConfigError, loadConfig } from './config/load';
import { createDialers } from './dial/create-dialers';
import { createDirectories } from './directory/create-directories';
import { tlsMaterial } from './tls-certificate';

/** Runs the service on the configuration file (`--config`, parsed by cli.ts), or DIALPANE_CONFIG or the demo without one. */
export async function serve(configFile: string | undefined): Promise<void> {
  const logger = pino({ level: process.env['DIALPANE_LOG_LEVEL'] ?? 'info', redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' } });
  let loaded;
  let directories;
  try {
    loaded = loadConfig(configFile);
    // Reads LDIF files at once: one that is not LDIF is a configuration problem like the rest.
    directories = createDirectories(loaded, { logger });
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Dialpane cannot start: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const { config } = loaded;
  const dialers = createDialers(loaded);
  let auth: ReturnType<typeof createAuth>;
  try {
    auth = createAuth(loaded);
  } catch (error) {
    // The generated signing key could not be written or read (server.dataDir not writable).
    process.stderr.write(`Dialpane cannot start: the token signing key in ${config.server.dataDir} cannot be used: ${error instanceof Error ? error.message : String(error)}; fix the folder's permissions or set auth.secretFile\n`);
    process.exit(2);
  }
  for (const warning of authWarnings(loaded)) logger.warn(warning);
  const app = createApp(config, { directories, dialers, logger, ...(auth ? { auth } : {}) });
  let tls: Awaited<ReturnType<typeof tlsMaterial>>;
  let server: https.Server;
  try {
    tls = await tlsMaterial(config.server);
    server = https.createServer({ cert: tls.cert, key: tls.key }, app);
  } catch (error) {
    // Not PEM, a key that does not match the certificate, a file that cannot be read, or a dataDir that cannot be written.
    const [files, fix] =
      config.server.tlsCertFile === undefined
        ? [`the generated certificate in ${config.server.dataDir}/tls`, "fix the folder's permissions, or set server.tlsCertFile and server.tlsKeyFile"]
        : ['server.tlsCertFile and server.tlsKeyFile', 'give a PEM certificate and its matching private key'];
    process.stderr.write(`Dialpane cannot start: ${files} cannot be used: ${error instanceof Error ? error.message : String(error)}: ${fix}\n`);
    process.exit(2);
  }
  server.on('error', (error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? `port ${config.server.port} is taken: stop the other program or set DIALPANE_PORT` : error.message;
    process.stderr.write(`Dialpane cannot listen on ${config.server.host}:${config.server.port}: ${hint}\n`);
    process.exit(1);
  });
  server.listen(config.server.port, config.server.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.server.port;
    const host = config.server.host === '127.0.0.1' || config.server.host === '0.0.0.0' ? 'localhost' : config.server.host;
    logger.info({ config: loaded.source, directories: directories.map((d) => d.id), dialers: dialers.map((d) => d.traits.id), signIn: config.auth.mode, port, caFile: tls.caFile }, `Dialpane is serving https://${host}:${port}/taskpane.html`);
  });

  const stop = (): void => {
    server.close(() => {
      logger.info('stopped: every request answered');
      void Promise.all([...directories.map((d) => d.close()), auth?.close()]).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    // Said once the listener is closed: whoever reads it may rely on new connections being refused.
    logger.info('stopping: finishing requests in flight');
    // Every request answers within security.requestTimeoutMs; past that, something is stuck.
    setTimeout(() => {
      logger.warn('stopped without waiting longer for requests in flight');
      process.exit(1);
    }, config.security.requestTimeoutMs + 5_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}
