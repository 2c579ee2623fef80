import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  contentSecurityPolicy,
  devServerOriginFrom,
  isAllowedNavigation,
  isSafeExternalUrl,
  isTrustedSender,
  securityHeaders,
} from '../../../electron/main/security';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

describe('Content-Security-Policy of the desktop app', () => {
  const csp = directives(contentSecurityPolicy());

  it('allows only the app’s own scripts: no inline code, no eval, no other origin', () => {
    expect(csp.get('default-src')).toBe("'none'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(contentSecurityPolicy()).not.toContain('unsafe-eval');
    expect(csp.get('script-src')).not.toContain('unsafe-inline');
  });

  it('refuses plugins, frames, base rewriting and form posts', () => {
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('frame-src')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
  });

  it('lets the page load its pictures, fonts and data only from itself (plus blob/data pictures)', () => {
    expect(csp.get('img-src')).toBe("'self' blob: data:");
    expect(csp.get('font-src')).toBe("'self' data:");
    expect(csp.get('connect-src')).toBe("'self'");
  });

  it('in development adds the dev server’s hot-reload socket and the app’s pictures, never scripts', () => {
    const dev = directives(contentSecurityPolicy('http://localhost:5173'));
    expect(dev.get('connect-src')).toBe("'self' ws://localhost:5173");
    expect(dev.get('img-src')).toBe("'self' blob: data: kindness://app");
    expect(dev.get('script-src')).toBe("'self'");
  });

  it('is sent with the other protective headers', () => {
    const headers = securityHeaders();
    expect(headers['content-security-policy']).toBe(contentSecurityPolicy());
    expect(headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('isTrustedSender: only the app’s own frames may call the host', () => {
  it('trusts the app scheme', () => {
    expect(isTrustedSender(APP_ENTRY_URL)).toBe(true);
    expect(isTrustedSender('kindness://app/index.html#/studio')).toBe(true);
  });

  it('refuses other pages, other hosts of the scheme, file:// and frames that are gone', () => {
    for (const url of [
      'https://example.com/',
      'http://localhost:5173/',
      'file:///home/me/index.html',
      'kindness://evil/index.html',
      'kindness://app.evil.com/',
      'kindness://user:pass@app/index.html',
      'kindness://app:8080/',
      'about:blank',
      'data:text/html,hi',
      'not a url',
      '',
    ]) {
      expect(isTrustedSender(url), url).toBe(false);
    }
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('trusts the dev server only while developing, and only that exact origin', () => {
    const dev = 'http://localhost:5173';
    expect(isTrustedSender('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5174/index.html', dev)).toBe(false);
    expect(isTrustedSender('https://localhost:5173/', dev)).toBe(false);
  });
});

describe('devServerOriginFrom', () => {
  it('accepts a loopback http dev server, never in a packaged app', () => {
    expect(devServerOriginFrom('http://localhost:5173/', false)).toBe('http://localhost:5173');
    expect(devServerOriginFrom('http://127.0.0.1:5173', false)).toBe('http://127.0.0.1:5173');
    expect(devServerOriginFrom('http://localhost:5173/', true)).toBeNull();
    expect(devServerOriginFrom(undefined, false)).toBeNull();
  });

  it('ignores a renderer URL that is not loopback http', () => {
    expect(devServerOriginFrom('https://example.com', false)).toBeNull();
    expect(devServerOriginFrom('http://192.168.1.4:5173', false)).toBeNull();
    expect(devServerOriginFrom('file:///tmp/index.html', false)).toBeNull();
  });
});

describe('navigation allow-list', () => {
  it('allows staying inside the app and blocks everything else', () => {
    expect(isAllowedNavigation('kindness://app/index.html')).toBe(true);
    expect(isAllowedNavigation('https://example.com/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
  });

  it('hands only plain https links to the system browser', () => {
    expect(isSafeExternalUrl('https://www.stopbullying.gov/')).toBe(true);
    expect(isSafeExternalUrl('http://example.com/')).toBe(false);
    expect(isSafeExternalUrl('file:///bin/sh')).toBe(false);
    expect(isSafeExternalUrl('smb://server/share')).toBe(false);
    expect(isSafeExternalUrl('https://user:pw@example.com/')).toBe(false);
  });
});
