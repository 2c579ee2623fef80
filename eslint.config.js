// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import vue from 'eslint-plugin-vue';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

/**
 * The import direction of ARCHITECTURE.md, as errors:
 *   core <- render <- app;  core <- host/export <- electron, web, cli.
 * Each zone lists the folders code in `target` may not import from.
 */
const layers = [
  {
    target: './src/core',
    from: [
      './src/render',
      './src/app',
      './src/host',
      './src/export',
      './src/node',
      './src/web',
      './src/cli',
      './electron',
    ],
    message: 'src/core is pure: it imports nothing of the other layers.',
  },
  {
    target: './src/render',
    from: ['./src/app', './src/host', './src/export', './src/web', './src/cli', './electron'],
    message: 'src/render depends only on src/core.',
  },
  {
    target: './src/app',
    from: ['./src/host/node', './src/export', './src/web', './src/cli', './electron'],
    message: 'src/app talks to the host only through the contract (src/host/contract).',
  },
  {
    target: './src/app',
    from: ['./src/render/backends/node.ts'],
    message:
      "The renderer's Node canvas backend (@napi-rs/canvas) never runs in the page: use the browser backend.",
  },
  {
    // Review files and the offline review page: core plus Web APIs (the page runs in any browser).
    target: './src/review',
    from: ['./src/render', './src/app', './src/host', './src/export', './src/web', './src/cli', './electron'],
    message: 'src/review (the review page and review-file checks) depends only on src/core.',
  },
  {
    // Node-only file primitives (the atomic writer, reservations, regular-file reads).
    target: './src/node',
    from: [
      './src/render',
      './src/app',
      './src/host',
      './src/export',
      './src/review',
      './src/web',
      './src/cli',
      './electron',
    ],
    message: 'src/node holds Node-only primitives and imports only src/core.',
  },
  {
    target: ['./src/app', './src/render', './src/core', './src/review'],
    from: ['./src/node'],
    message: 'src/node is Node only: the page, the renderer and the core never import it.',
  },
  {
    target: './src/host',
    from: ['./src/app', './src/web', './src/cli', './electron'],
    message: 'src/host is below the shells that use it.',
  },
  {
    target: './src/export',
    from: ['./src/app', './src/web', './src/cli', './electron'],
    message: 'src/export is below the shells that use it.',
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'out', 'release', 'coverage', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...vue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    // vue-tsc checks names in .vue files, as tsc does for .ts (where typescript-eslint turns this off too).
    rules: { 'no-undef': 'off' },
  },
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      // Resolve TypeScript sources so the layer rule sees where an import really points.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.vue', '.json'] })],
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The studio UI runs in a browser page (Chromium or Electron's renderer), not in Node.
    files: ['src/app/**/*.{ts,vue}', 'src/review/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // The core may not reach Node, the DOM, Konva, Vue or Electron: it stays pure and portable.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Exact module names, so a relative './path' of our own is not mistaken for Node's.
          paths: ['fs', 'path', 'os', 'child_process', 'stream', 'util', 'crypto', 'worker_threads'].map(
            (name) => ({ name, message: 'src/core is pure: no Node.' }),
          ),
          patterns: [
            { group: ['node:*'], message: 'src/core is pure: no Node.' },
            {
              group: ['konva', 'konva/*', 'vue', 'pinia', 'electron', '@napi-rs/*'],
              message: 'src/core is pure.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
