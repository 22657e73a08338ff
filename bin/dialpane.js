#!/usr/bin/env node
'use strict';
const path = require('node:path');
const entry = path.join(__dirname, '..', 'dist', 'server', 'server', 'cli.js');
try {
  require.resolve(entry);
} catch {
  process.stderr.write('dialpane: the service is not built yet. Run `npm run build` in ' + path.dirname(__dirname) + ' first.\n');
  process.exit(1);
}
require(entry);
