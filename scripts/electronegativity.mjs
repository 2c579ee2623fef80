// `npm run test:security`: builds the Electron app (main, preload and renderer, with
// electron-vite; the Electron binary is not needed) into a temp folder and runs Doyensec's
// Electronegativity over the BUILT code, failing on any finding of MEDIUM severity or higher.
// Works offline (its check for newer Electron releases just reports that it has no connection).
//
//   node scripts/electronegativity.mjs                 build into a temp folder, scan, clean up
//   node scripts/electronegativity.mjs --built DIR     scan an existing build (e.g. dist/electron)
//
// The whole build is scanned in one pass, because some checks (navigation limits, CSP,
// permission handler) look for a setting anywhere in the app. Justified exceptions, with their
// reasons, are in scripts/electronegativity-exceptions.mjs.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exceptionFor, EXCEPTIONS } from './electronegativity-exceptions.mjs';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const root = fileURLToPath(new URL('..', import.meta.url));
const electronVersion = require('electron/package.json').version;

const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const FAIL_FROM = SEVERITY_RANK.MEDIUM;

const args = process.argv.slice(2);
const builtArg = args[0] === '--built' ? args[1] : undefined;
if (args.length > 0 && builtArg === undefined) {
  console.error('usage: node scripts/electronegativity.mjs [--built DIR]');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'kindness-security-'));
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
let failures = 0;
try {
  let built = builtArg === undefined ? undefined : resolve(builtArg);
  const buildStarted = performance.now();
  if (built === undefined) {
    built = join(work, 'app');
    process.env.KINDNESS_ELECTRON_OUT_DIR = built;
    const { build } = await import('electron-vite');
    // Errors only: bundler warnings are the build's business, not the scan's.
    await build({
      configFile: join(root, 'electron.vite.config.ts'),
      logLevel: 'error',
      build: { emptyOutDir: true },
    });
    console.log(`built the Electron app in ${seconds(buildStarted)} s`);
  }

  // Electronegativity reads .js/.ts/.html files only; the sandboxed preload is built as .cjs.
  // So the scan gets a copy of every code file of the build, .cjs and .mjs under a .js name.
  const scanned = join(work, 'scan');
  const scanNameOf = new Map();
  for (const file of readdirSync(built, { recursive: true })) {
    const from = join(built, file);
    if (!/\.(?:js|cjs|mjs|html?)$/.test(file)) continue;
    const name = /\.[cm]js$/.test(file) ? `${file}.js` : file;
    mkdirSync(dirname(join(scanned, name)), { recursive: true });
    copyFileSync(from, join(scanned, name));
    scanNameOf.set(name, file);
  }
  if (![...scanNameOf.values()].some((f) => f.startsWith('main'))) {
    throw new Error(`${built} holds no main process code: is it an electron-vite build?`);
  }

  const scanStarted = performance.now();
  // Quiet its progress chatter; keep ours.
  const log = console.log;
  console.log = () => {};
  let result;
  try {
    result = await run({ input: scanned, electronVersionOverride: electronVersion }, false);
  } finally {
    console.log = log;
  }

  const nameOf = (value) => (typeof value === 'object' && value !== null ? value.name : String(value));
  const used = new Set();
  let excused = 0;
  for (const error of result.errors) {
    console.error(
      `electronegativity could not check ${error.file}: ${error.message ?? error.error ?? 'unknown error'}`,
    );
    failures++;
  }
  for (const issue of result.issues) {
    const severity = nameOf(issue.severity);
    const rank = SEVERITY_RANK[severity] ?? SEVERITY_RANK.HIGH;
    const inBuild = issue.file === 'N/A' ? null : relative(scanned, issue.file);
    const file = inBuild === null ? null : (scanNameOf.get(inBuild) ?? inBuild);
    const line = issue.location?.line ?? 0;
    const where = file === null ? '(whole app)' : `${file}:${line}`;
    const text = `${severity.padEnd(6)} ${nameOf(issue.confidence).padEnd(9)} ${issue.id} ${where}: ${issue.description ?? ''}`;
    if (rank < FAIL_FROM) {
      console.log(`note     ${text}`);
      continue;
    }
    const exception =
      file === null
        ? undefined
        : exceptionFor({ id: issue.id, file, line, source: readFileSync(issue.file, 'utf8') });
    if (exception !== undefined) {
      used.add(exception);
      excused++;
      console.log(`excused  ${text} (exception "${exception.name}")`);
    } else {
      console.error(`FAIL     ${text}${issue.sample ? `\n         ${issue.sample.trim()}` : ''}`);
      failures++;
    }
  }
  for (const exception of EXCEPTIONS) {
    if (used.has(exception)) console.log(`         exception "${exception.name}": ${exception.reason}`);
    else console.log(`note     exception "${exception.name}" matched nothing: remove it?`);
  }
  console.log(
    `electronegativity (Electron ${electronVersion}) over the built app (${builtArg ?? 'fresh build'}, ` +
      `${scanNameOf.size} code files): ${result.globalChecks + result.atomicChecks} checks in ` +
      `${seconds(scanStarted)} s, ${failures} finding(s) of medium severity or higher, ` +
      `${excused} excused by ${used.size} justified exception(s).`,
  );
} catch (error) {
  console.error(error);
  failures++;
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failures > 0 ? 1 : 0);
