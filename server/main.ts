/**
 * Process entry point: load and check the configuration, open the directories, serve HTTPS,
 * drain and exit on SIGTERM. Everything else lives in createApp.
 */
import https from 'node:https';
import pino from 'pino';
import { createApp } from './app';
import { ConfigError, loadConfig } from './config/load';
import { createDialers } from './dial/create-dialers';
import { createDirectories } from './directory/create-directories';
import { tlsMaterial } from './tls-certificate';

function argValue(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  if (index >= 0) return process.argv[index + 1];
  const inline = process.argv.find((a) => a.startsWith(`${name}=`));
  return inline?.slice(name.length + 1);
}

async function main(): Promise<void> {
  const logger = pino({ level: process.env['DIALPANE_LOG_LEVEL'] ?? 'info' });
  let loaded;
  try {
    loaded = loadConfig(argValue('--config'));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Dialpane cannot start: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const { config } = loaded;
  const directories = createDirectories(loaded, { logger });
  const dialers = createDialers(loaded);
  const app = createApp(config, { directories, dialers, logger });
  const tls = await tlsMaterial(config.server);
  const server = https.createServer({ cert: tls.cert, key: tls.key }, app);
  server.on('error', (error: NodeJS.ErrnoException) => {
    const hint = error.code === 'EADDRINUSE' ? `port ${config.server.port} is taken: stop the other program or set DIALPANE_PORT` : error.message;
    process.stderr.write(`Dialpane cannot listen on ${config.server.host}:${config.server.port}: ${hint}\n`);
    process.exit(1);
  });
  server.listen(config.server.port, config.server.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.server.port;
    const host = config.server.host === '127.0.0.1' || config.server.host === '0.0.0.0' ? 'localhost' : config.server.host;
    logger.info({ config: loaded.source, directories: directories.map((d) => d.id), dialers: dialers.map((d) => d.traits.id), caFile: tls.caFile }, `Dialpane is serving https://${host}:${port}/taskpane.html`);
  });

  const stop = (): void => {
    logger.info('stopping: finishing requests in flight');
    server.close(() => {
      void Promise.all(directories.map((d) => d.close())).finally(() => process.exit(0));
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

void main();
