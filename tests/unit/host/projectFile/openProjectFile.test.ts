import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProject } from '../../../../src/core/load';
import { openProjectFile, saveProjectFile, type OpenResult } from '../../../../src/host/node/projectFile';

const dir = mkdtempSync(join(tmpdir(), 'kindness-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fixturePath = fileURLToPath(new URL('../../../fixtures/versions/v1.json', import.meta.url));

function opened(result: OpenResult): Extract<OpenResult, { ok: true }> {
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('openProjectFile', () => {
  it('opens a plain JSON project; its assets are reported missing since it carries no files', async () => {
    const result = opened(await openProjectFile(fixturePath));
    expect(result.container).toBe('json');
    expect(result.assets.size).toBe(0);
    expect(result.project.title).toBe('Fixture v1: sit with someone new');
    expect(result.repairs.map((r) => r.path)).toEqual([
      'scenes[0].elements[6].children[0].assetId',
      'audio[0].assetId',
    ]);
  });

  it('tells a zip from JSON by its first bytes, not by its name', async () => {
    const loaded = loadProject(readFileSync(fixturePath, 'utf8'));
    if (!loaded.ok) throw new Error(loaded.error.message);
    const zipNamedJson = join(dir, 'looks-like.json');
    await saveProjectFile(zipNamedJson, loaded.project, new Map());
    expect(opened(await openProjectFile(zipNamedJson)).container).toBe('zip');

    const jsonNamedKindness = join(dir, 'plain.kindness');
    copyFileSync(fixturePath, jsonNamedKindness);
    expect(opened(await openProjectFile(jsonNamedKindness)).container).toBe('json');
  });

  it('says when the file does not exist', async () => {
    const result = await openProjectFile(join(dir, 'missing.kindness'));
    expect(result).toEqual({
      ok: false,
      error: {
        kind: 'not-found',
        message: '"missing.kindness" was not found. It may have been moved, renamed or deleted.',
      },
    });
  });

  it('says when the path is a folder', async () => {
    const result = await openProjectFile(dir);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({ kind: 'unreadable', message: /it is a folder, not a file/ });
  });
});
