// The justified exceptions to Electronegativity findings in the BUILT Electron app
// (`npm run test:security`, scripts/electronegativity.mjs). The bundler moves or drops
// `// eng-disable` comments, so the exceptions live here, each with its reason.
//
// An exception is narrow on purpose: it names the checks it covers, the built file, and a test of
// the flagged code that must hold. The same finding anywhere else, or on code that has changed so
// the reason no longer holds, still fails the scan.

/** The lines of `source` from 1-based `line` to the `});` that closes the call opened there. */
export function callAt(source, line) {
  const lines = source.split('\n');
  const first = lines[line - 1] ?? '';
  const indent = /^\s*/.exec(first)?.[0] ?? '';
  const end = lines.findIndex((text, i) => i >= line - 1 && text.startsWith(`${indent}})`));
  return lines.slice(line - 1, end === -1 ? line : end + 1).join('\n');
}

/** The text of the top-level `function name(...) {...}` in `source`, or '' when there is none. */
export function functionText(source, name) {
  const start = source.search(new RegExp(`^(?:async )?function ${name}\\(`, 'm'));
  if (start === -1) return '';
  const end = source.indexOf('\n}', start);
  return source.slice(start, end === -1 ? undefined : end + 2);
}

/** What secureWebPreferences() must return for the window exception to hold. */
const SECURE_PREFERENCES = [
  'contextIsolation: true',
  'sandbox: true',
  'nodeIntegration: false',
  'nodeIntegrationInWorker: false',
  'nodeIntegrationInSubFrames: false',
  'webSecurity: true',
  'webviewTag: false',
  'disableBlinkFeatures: "Auxclick"',
];

export const EXCEPTIONS = [
  {
    name: 'studio window preferences',
    checks: ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK'],
    file: 'main/index.js',
    reason:
      'Electronegativity reads only literal options written inside `new BrowserWindow({...})`. The ' +
      'studio window takes its webPreferences from secureWebPreferences() (context isolation and ' +
      'the sandbox on, Node off, middle-click off); this rule checks that in the built file, and ' +
      'tests/unit/electron plus tests/reliability/electronSecurity.test.ts assert it key by key.',
    holds({ source, line }) {
      const call = callAt(source, line);
      const preferences = functionText(source, 'secureWebPreferences');
      return (
        /^\s*webPreferences: secureWebPreferences\(/m.test(call) &&
        (call.match(/webPreferences/g) ?? []).length === 1 &&
        SECURE_PREFERENCES.every((setting) => preferences.includes(setting))
      );
    },
  },
  {
    name: 'https links to the browser',
    checks: ['OPEN_EXTERNAL_JS_CHECK'],
    file: 'main/index.js',
    reason:
      'The only openExternal call is guarded by isSafeExternalUrl (plain https links only, ' +
      'unit-tested in tests/unit/electron); every request for a new window is denied.',
    holds({ source, line }) {
      const text = source.split('\n')[line - 1] ?? '';
      return (
        /^\s*if \(isSafeExternalUrl\((\w+)\)\) void shell\.openExternal\(\1\);\s*$/.test(text) &&
        functionText(source, 'isSafeExternalUrl').includes('protocol === "https:"')
      );
    },
  },
];

/**
 * The exception that covers a finding, or undefined. `file` is the finding's file relative to the
 * scanned build, `line` its 1-based line, `source` that file's text.
 */
export function exceptionFor({ id, file, line, source }) {
  return EXCEPTIONS.find(
    (rule) => rule.checks.includes(id) && rule.file === file && rule.holds({ source, line }),
  );
}
