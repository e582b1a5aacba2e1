// Builds one Nest service (or tool) into dist/<projectRoot>/main.js.
// Workspace libraries (@polku/*) are bundled in; everything under node_modules stays external,
// so OpenTelemetry's require hooks and TypeORM's driver loading work as in plain Node.
// Usage: webpack --config tools/build/webpack.service.config.js --env project=services/gateway
const path = require('node:path');
const nodeExternals = require('webpack-node-externals');
const { TsconfigPathsPlugin } = require('tsconfig-paths-webpack-plugin');
const swcOptions = require('./swc-options');

const workspaceRoot = path.resolve(__dirname, '../..');

module.exports = (env) => {
  if (!env.project) {
    throw new Error('pass --env project=<projectRoot>, e.g. services/gateway');
  }
  const projectRoot = path.join(workspaceRoot, env.project);
  return {
    mode: 'none',
    target: 'node20',
    context: workspaceRoot,
    entry: path.join(projectRoot, 'src/main.ts'),
    devtool: 'source-map',
    output: {
      path: path.join(workspaceRoot, 'dist', env.project),
      filename: 'main.js',
      clean: true,
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    },
    externalsPresets: { node: true },
    externals: [nodeExternals({ modulesDir: path.join(workspaceRoot, 'node_modules') })],
    resolve: {
      extensions: ['.ts', '.js', '.json'],
      plugins: [
        new TsconfigPathsPlugin({ configFile: path.join(workspaceRoot, 'tsconfig.base.json') }),
      ],
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: 'swc-loader', options: swcOptions },
        },
      ],
    },
    optimization: { minimize: false, nodeEnv: false },
    node: { __dirname: false, __filename: false },
    stats: 'errors-warnings',
    infrastructureLogging: { level: 'error' },
  };
};
