// `npm run test:security`: runs Doyensec's Electronegativity over the Electron code and fails on
// any finding of MEDIUM severity or higher. Works offline (its check for newer Electron releases
// just reports that it has no connection).
//
// What is scanned: electron/ (main process and preload, where every window, session and IPC
// setting lives). Justified exceptions sit inline next to the code as `// eng-disable CHECK_ID`
// with the reason above them; the bundled build drops comments, so the source is what is scanned.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity/dist/runner.js');
const root = fileURLToPath(new URL('..', import.meta.url));
const electronVersion = require('electron/package.json').version;

const SEVERITY_RANK = { INFORMATIONAL: 0, LOW: 1, MEDIUM: 2, HIGH: 3 };
const FAIL_FROM = SEVERITY_RANK.MEDIUM;
const inputs = (process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['electron']).map(
  (p) => `${root}${p}`,
);

const nameOf = (value) => (typeof value === 'object' && value !== null ? value.name : String(value));
let failures = 0;
let checked = 0;
for (const input of inputs) {
  // Quiet its progress chatter; keep ours.
  const log = console.log;
  console.log = () => {};
  let result;
  try {
    result = await run({ input, electronVersionOverride: electronVersion }, false);
  } finally {
    console.log = log;
  }
  checked += result.globalChecks + result.atomicChecks;
  for (const error of result.errors) {
    console.error(
      `electronegativity could not check ${error.file}: ${error.message ?? error.error ?? 'unknown error'}`,
    );
    failures++;
  }
  for (const issue of result.issues) {
    const severity = nameOf(issue.severity);
    const rank = SEVERITY_RANK[severity] ?? SEVERITY_RANK.HIGH;
    const where =
      issue.file === 'N/A' ? '(whole app)' : `${issue.file.replace(root, '')}:${issue.location?.line ?? '?'}`;
    const line = `${severity.padEnd(6)} ${nameOf(issue.confidence).padEnd(9)} ${issue.id} ${where}: ${issue.description ?? ''}`;
    if (rank >= FAIL_FROM) {
      console.error(`FAIL ${line}`);
      failures++;
    } else {
      console.log(`note ${line}`);
    }
  }
}
console.log(
  `electronegativity (Electron ${electronVersion}): ${inputs.map((i) => i.replace(root, '')).join(', ')}; ` +
    `${checked} checks run, ${failures} finding(s) of medium severity or higher.`,
);
process.exit(failures > 0 ? 1 : 0);
