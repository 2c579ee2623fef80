import { describe, expect, it } from 'vitest';
import { takeToken } from '../../../src/app/host/token';

function fakeBrowser(href: string) {
  const stored = new Map<string, string>();
  const state = { href, replaced: null as string | null };
  return {
    state,
    location: { href } as Location,
    history: {
      state: null,
      replaceState: (_data: unknown, _unused: string, url: string) => {
        state.replaced = url;
      },
    } as unknown as History,
    storage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    } as Storage,
  };
}

describe('takeToken', () => {
  it('takes the token from the address, keeps it for the tab and removes it from the address', () => {
    const browser = fakeBrowser('http://127.0.0.1:4000/?token=abc123&x=1#top');
    expect(takeToken(browser.location, browser.history, browser.storage)).toBe('abc123');
    expect(browser.state.replaced).toBe('/?x=1#top');
    // After a reload the address has no token; the tab still has it.
    const reloaded = { ...browser, location: { href: 'http://127.0.0.1:4000/' } as Location };
    expect(takeToken(reloaded.location, reloaded.history, reloaded.storage)).toBe('abc123');
  });

  it('has no token when the page was opened without one', () => {
    const browser = fakeBrowser('http://127.0.0.1:4000/');
    expect(takeToken(browser.location, browser.history, browser.storage)).toBeNull();
  });
});
