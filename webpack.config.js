/**
 * Builds the task pane: src/taskpane/index.tsx -> dist/pane/ (taskpane.html, content-hashed
 * bundles, icons in assets/). Office.js is not bundled: the Dialpane service serves it from
 * @microsoft/office-js at /office-js/ (taskpane.html loads office-js/office.js).
 *
 *   npm run build:pane            (webpack --mode production)
 *   npx webpack --mode development --watch
 *
 * Production builds fail when the initial JavaScript exceeds INITIAL_JS_GZIP_BUDGET.
 */
const path = require('node:path');
const zlib = require('node:zlib');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

/** Budget for the JavaScript taskpane.html loads up front, gzip-compressed. */
const INITIAL_JS_GZIP_BUDGET = 150 * 1024;

/** Reports the gzip size of the entry's JavaScript and fails a production build over budget. */
class InitialJsBudgetPlugin {
  constructor(budget) {
    this.budget = budget;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap('InitialJsBudgetPlugin', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'InitialJsBudgetPlugin', stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        let raw = 0;
        let gzip = 0;
        for (const entrypoint of compilation.entrypoints.values()) {
          for (const file of entrypoint.getFiles()) {
            if (!file.endsWith('.js')) continue;
            const source = compilation.getAsset(file)?.source.buffer();
            if (!source) continue;
            raw += source.length;
            gzip += zlib.gzipSync(source, { level: 9 }).length;
          }
        }
        const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
        const line = `initial JS: ${kb(raw)} raw, ${kb(gzip)} gzip (budget ${kb(this.budget)} gzip)`;
        compilation.getLogger('InitialJsBudgetPlugin').info(line);
        if (gzip > this.budget) {
          compilation.errors.push(new compiler.webpack.WebpackError(`${line}: over budget. Import less, or split what the first screen does not need.`));
        }
      });
    });
  }
}

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  return {
    mode: production ? 'production' : 'development',
    context: __dirname,
    entry: { taskpane: './src/taskpane/index.tsx' },
    output: {
      path: path.resolve(__dirname, 'dist/pane'),
      filename: production ? '[name].[contenthash:10].js' : '[name].js',
      chunkFilename: production ? '[name].[contenthash:10].js' : '[name].js',
      // Relative URLs: the pane works wherever the service publishes it (see scripts/manifest-for-host.js).
      publicPath: '',
      clean: true,
    },
    devtool: production ? 'source-map' : 'eval-cheap-module-source-map',
    resolve: { extensions: ['.tsx', '.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // The pane's tsconfig.json (strict; noEmit for `npm run typecheck`), emitting here.
            options: { configFile: path.resolve(__dirname, 'tsconfig.json'), compilerOptions: { noEmit: false, sourceMap: true } },
          },
        },
      ],
    },
    optimization: {
      // React + Fluent change less often than the pane: a separate chunk stays cached across releases.
      splitChunks: { chunks: 'all', cacheGroups: { vendor: { test: /[\\/]node_modules[\\/]/, name: 'vendor', chunks: 'all' } } },
    },
    performance: { hints: false }, // InitialJsBudgetPlugin checks the gzip size, which is what users download.
    plugins: [
      new HtmlWebpackPlugin({ template: './src/taskpane/taskpane.html', filename: 'taskpane.html', scriptLoading: 'defer', inject: 'body' }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets/*.png', to: 'assets/[name][ext]' }] }),
      // Development bundles are unminified: only production sizes mean anything.
      ...(production ? [new InitialJsBudgetPlugin(INITIAL_JS_GZIP_BUDGET)] : []),
    ],
    stats: production ? { preset: 'summary', assets: true, logging: 'info', excludeAssets: /\.map$/ } : 'minimal',
  };
};
