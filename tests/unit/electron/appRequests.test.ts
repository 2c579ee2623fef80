import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeOf } from '../../../src/host/node/contentTypes';
import { resolveAppRequest } from '../../../electron/main/appRequests';

const root = join('/opt', 'kindness', 'renderer');
const assetId = 'a'.repeat(64);

describe('resolveAppRequest: what kindness://app serves', () => {
  it('serves the studio page and its built files from the renderer folder', () => {
    expect(resolveAppRequest(root, 'GET', 'kindness://app/')).toEqual({
      kind: 'file',
      path: join(root, 'index.html'),
    });
    expect(resolveAppRequest(root, 'GET', 'kindness://app/assets/index-1.js')).toEqual({
      kind: 'file',
      path: join(root, 'assets', 'index-1.js'),
    });
    expect(resolveAppRequest(root, 'HEAD', 'kindness://app/index.html?x=1#y')).toEqual({
      kind: 'file',
      path: join(root, 'index.html'),
    });
  });

  it('never serves a file outside the renderer folder', () => {
    for (const url of [
      'kindness://app/../../etc/passwd',
      'kindness://app/%2e%2e/%2e%2e/etc/passwd',
      'kindness://app/assets/%2e%2e%2f%2e%2e%2fsecret',
      'kindness://app/..%5c..%5csecret',
      'kindness://app/a%00b',
    ]) {
      const result = resolveAppRequest(root, 'GET', url);
      if (result.kind === 'file') expect(result.path.startsWith(`${root}/`), url).toBe(true);
      else expect(result.kind, url).toBe('refused');
    }
  });

  it('serves project pictures by document and asset id, and nothing else under that path', () => {
    expect(resolveAppRequest(root, 'GET', `kindness://app/project-assets/doc_123/${assetId}`)).toEqual({
      kind: 'project-asset',
      docId: 'doc_123',
      assetId,
    });
    expect(
      resolveAppRequest(root, 'GET', `kindness://app/project-assets/doc_123/${assetId}/more`),
    ).toMatchObject({
      kind: 'refused',
    });
    expect(resolveAppRequest(root, 'GET', 'kindness://app/project-assets/doc_123/not-a-hash')).toMatchObject({
      kind: 'refused',
    });
  });

  it('refuses other methods, other hosts and other schemes', () => {
    expect(resolveAppRequest(root, 'POST', 'kindness://app/index.html')).toEqual({
      kind: 'refused',
      status: 405,
    });
    expect(resolveAppRequest(root, 'GET', 'kindness://other/index.html')).toEqual({
      kind: 'refused',
      status: 403,
    });
    expect(resolveAppRequest(root, 'GET', 'https://app/index.html')).toEqual({
      kind: 'refused',
      status: 403,
    });
  });

  it('labels files with their type', () => {
    expect(contentTypeOf('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a.WOFF2')).toBe('font/woff2');
    expect(contentTypeOf('blob.bin')).toBe('application/octet-stream');
  });
});
