import { describe, expect, it } from 'vitest';
import { exceptionFor } from '../../../scripts/electronegativity-exceptions.mjs';

/**
 * The justified exceptions of the Electronegativity scan over the built app: each must cover only
 * the code it was written for, and stop covering it as soon as its reason no longer holds.
 */
const SECURE_PREFERENCES = `function secureWebPreferences(preload) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    disableBlinkFeatures: "Auxclick"
  };
}`;

const SAFE_URL = `function isSafeExternalUrl(url) {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === "https:" && parsed.username === "";
}`;

function windowCall(preferences = 'webPreferences: secureWebPreferences(options.preload)'): string {
  return `async function createStudioWindow(options) {
  const window = new BrowserWindow({
    width: state.width,
    show: false,
    ${preferences}
  });
  return window;
}`;
}

/** A built main file and the 1-based line of `marker` in it. */
function built(...parts: string[]): { source: string; lineOf: (marker: string) => number } {
  const source = parts.join('\n');
  const lines = source.split('\n');
  return { source, lineOf: (marker) => lines.findIndex((l) => l.includes(marker)) + 1 };
}

const WINDOW_CHECKS = ['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'AUXCLICK_JS_CHECK'];

describe('the studio window exception', () => {
  it('covers the window whose preferences come from secureWebPreferences', () => {
    const { source, lineOf } = built(SECURE_PREFERENCES, windowCall());
    for (const id of WINDOW_CHECKS) {
      const found = exceptionFor({ id, file: 'main/index.js', line: lineOf('new BrowserWindow'), source });
      expect(found?.name, id).toBe('studio window preferences');
    }
  });

  it('does not cover a window with literal or overridden preferences', () => {
    for (const preferences of [
      'webPreferences: { contextIsolation: false, sandbox: false }',
      'webPreferences: secureWebPreferences(options.preload),\n    ...{ webPreferences: { sandbox: false } }',
      'title: "no preferences at all"',
    ]) {
      const { source, lineOf } = built(SECURE_PREFERENCES, windowCall(preferences));
      const line = lineOf('new BrowserWindow');
      expect(
        exceptionFor({ id: 'SANDBOX_JS_CHECK', file: 'main/index.js', line, source }),
        preferences,
      ).toBeUndefined();
    }
  });

  it('stops covering the window once secureWebPreferences weakens a setting', () => {
    for (const [setting, weaker] of [
      ['sandbox: true', 'sandbox: false'],
      ['contextIsolation: true', 'contextIsolation: false'],
      ['nodeIntegration: false', 'nodeIntegration: true'],
      ['disableBlinkFeatures: "Auxclick"', 'disableBlinkFeatures: ""'],
    ] as const) {
      const { source, lineOf } = built(SECURE_PREFERENCES.replace(setting, weaker), windowCall());
      const line = lineOf('new BrowserWindow');
      expect(
        exceptionFor({ id: 'CONTEXT_ISOLATION_JS_CHECK', file: 'main/index.js', line, source }),
        weaker,
      ).toBeUndefined();
    }
  });

  it('covers no other check and no other file', () => {
    const { source, lineOf } = built(SECURE_PREFERENCES, windowCall());
    const line = lineOf('new BrowserWindow');
    expect(
      exceptionFor({ id: 'NODE_INTEGRATION_JS_CHECK', file: 'main/index.js', line, source }),
    ).toBeUndefined();
    expect(
      exceptionFor({ id: 'SANDBOX_JS_CHECK', file: 'main/chunks/other.js', line, source }),
    ).toBeUndefined();
    expect(
      exceptionFor({ id: 'SANDBOX_JS_CHECK', file: 'renderer/assets/index.js', line, source }),
    ).toBeUndefined();
  });
});

describe('the https links exception', () => {
  const handler = (line: string) =>
    built(
      SAFE_URL,
      'contents.setWindowOpenHandler(({ url }) => {',
      `  ${line}`,
      '  return { action: "deny" };',
      '});',
    );

  it('covers openExternal guarded by isSafeExternalUrl on the same value', () => {
    const { source, lineOf } = handler('if (isSafeExternalUrl(url)) void shell.openExternal(url);');
    const found = exceptionFor({
      id: 'OPEN_EXTERNAL_JS_CHECK',
      file: 'main/index.js',
      line: lineOf('openExternal'),
      source,
    });
    expect(found?.name).toBe('https links to the browser');
  });

  it('does not cover an unguarded call, a guard on another value, or a guard that lets http through', () => {
    for (const [code, urlCheck] of [
      ['void shell.openExternal(url);', SAFE_URL],
      ['if (isSafeExternalUrl(url)) void shell.openExternal(other);', SAFE_URL],
      ['if (isSafeExternalUrl(url) || true) void shell.openExternal(url);', SAFE_URL],
      ['if (isSafeExternalUrl(url)) void shell.openExternal(url);', SAFE_URL.replace('"https:"', '"http:"')],
    ] as const) {
      const { source, lineOf } = handler(code);
      const withCheck = source.replace(SAFE_URL, urlCheck);
      const line = lineOf('openExternal');
      expect(
        exceptionFor({ id: 'OPEN_EXTERNAL_JS_CHECK', file: 'main/index.js', line, source: withCheck }),
        code,
      ).toBeUndefined();
    }
  });
});
