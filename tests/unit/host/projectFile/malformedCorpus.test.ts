import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openProjectFile, type OpenResult } from '../../../../src/host/node/projectFile';

const corpus = fileURLToPath(new URL('../../../fixtures/malformed/', import.meta.url));

type Expectation =
  { ok: false; kind: string; message: RegExp; problems?: string[] } | { ok: true; repairs: string[] };

/**
 * What each file of the corpus must give. A file added without an entry here must still fail
 * with a clear message (checked below), so the corpus can grow without editing this table.
 */
const EXPECTED: Record<string, Expectation> = {
  'bad-json.kindness.json': {
    ok: false,
    kind: 'not-json',
    message:
      /^"bad-json\.kindness\.json" is not a Kindness Studio project, or it is damaged: it is not valid JSON \(Unexpected token .*\)\. Nothing was changed\.$/,
  },
  'empty.kindness.json': {
    ok: false,
    kind: 'not-json',
    message: /or it is damaged: it is empty\. Nothing was changed\.$/,
  },
  'wrong-format.kindness.json': {
    ok: false,
    kind: 'not-a-project',
    message: /its format is the text "kindness-studioo", not "kindness-studio"\. Nothing was changed\.$/,
  },
  'drawing.excalidraw': { ok: false, kind: 'not-a-project', message: /it has no "format" field/ },
  'a-list.json': {
    ok: false,
    kind: 'not-a-project',
    message: /it holds a list where a project document was expected/,
  },
  'newer-version.kindness.json': {
    ok: false,
    kind: 'newer-version',
    message:
      /^Could not open "newer-version\.kindness\.json"\. This project was made with a newer version of Kindness Studio \(file version 3; this app reads up to 1\)\. Update Kindness Studio to open it\./,
  },
  'zip-newer-version.kindness': {
    ok: false,
    kind: 'newer-version',
    message: /file version 2; this app reads up to 1/,
  },
  'bad-version.kindness.json': {
    ok: false,
    kind: 'not-a-project',
    message: /its version \(the text "1\.0"\) is not a version number/,
  },
  'no-scenes.kindness.json': {
    ok: false,
    kind: 'invalid',
    message:
      /has a problem that could not be repaired, so it was not opened: scenes: must have at least one item\./,
    problems: ['scenes: must have at least one item'],
  },
  'invalid-values.kindness.json': {
    ok: false,
    kind: 'invalid',
    message:
      /^Could not open "invalid-values\.kindness\.json"\. This project has 7 problems that could not be repaired/,
    problems: [
      'video.fps: must be a whole number, not 0.5',
      'scenes[0].background.color: expected a colour like #ff8800, found the text "pink"',
      'scenes[0].elements[0].height: must be more than 0',
      'scenes[0].elements[1].children[0].fontSize: must be more than 0',
      'scenes[0].elements[2].kind: unknown kind "hologram"; expected one of "rect", "ellipse", "star", "polygon", "line", "bubble", "path", "brush", "drawing", "text", "image", "group"',
      'captions[0].text: must not be empty',
      'post.hashtags[0]: a hashtag is letters, digits or _ without spaces or #, found the text "#be kind"',
    ],
  },
  'repairable.kindness.json': {
    ok: true,
    repairs: [
      'scenes[0].elements[0].opacity: 1.4 is above the highest allowed value; set to 1',
      'scenes[0].elements[0].strokeWidth: -2 is below the lowest allowed value; set to 0',
      'scenes[0].elements[1].id: the id "r1" was used twice; renamed to "r1-2"',
      'scenes[0].elements[2].keyframes.x: keyframes were out of time order; sorted by time',
      'scenes[0].elements[1].fontFamily: the font "Comic Sans MS" is not available in Kindness Studio; using "Inter" instead',
      'captions[0].end: the caption ended (1s) before it started (2s); it now ends at 3s',
      'captions: captions were out of time order; sorted by start time',
      'scenes[0].elements[2].assetId: missing asset 111111111111…: the image will show as a placeholder until it is replaced',
    ],
  },
  'damaged-asset.kindness': {
    ok: true,
    repairs: [
      expect.stringMatching(
        /^assets\/[0-9a-f]{64}: this asset is damaged \(its contents do not match its name\) and was left out$/,
      ),
      expect.stringMatching(
        /^scenes\[0\]\.elements\[0\]\.assetId: missing asset "friend\.png" .*placeholder/,
      ),
    ] as unknown as string[],
  },
  'truncated.kindness': {
    ok: false,
    kind: 'not-a-zip',
    message: /^"truncated\.kindness" is not a Kindness Studio project, or it is damaged: /,
  },
  'zip-garbage.kindness': {
    ok: false,
    kind: 'not-a-zip',
    message: /or it is damaged: it is not a readable zip file/,
  },
  'unsafe-entry.kindness': {
    ok: false,
    kind: 'unsafe-entry',
    message: /contains an unsafe entry "\.\.\/\.\.\/\.bashrc"/,
  },
  'no-project-json.kindness': {
    ok: false,
    kind: 'missing-project-json',
    message: /it has no project\.json inside/,
  },
  'zip-with-bad-json.kindness': {
    ok: false,
    kind: 'not-json',
    message: /or it is damaged: it is not valid JSON/,
  },
  'picture.png': {
    ok: false,
    kind: 'not-json',
    message: /or it is damaged: it is a binary file, not a project\. Nothing was changed\.$/,
  },
};

const files = readdirSync(corpus).sort();
const lines = (items: readonly { path: string; message: string }[]): string[] =>
  items.map((p) => `${p.path}: ${p.message}`);

describe('the malformed corpus', () => {
  it('has an expectation for most files, and every expectation has its file', () => {
    for (const name of Object.keys(EXPECTED)) expect(files).toContain(name);
  });

  it.each(files)('%s gives a clear result and never throws', async (name) => {
    let result: OpenResult | undefined;
    await expect(
      (async () => {
        result = await openProjectFile(join(corpus, name));
      })(),
    ).resolves.toBeUndefined();
    if (result === undefined) throw new Error('no result');
    const expected: Expectation = EXPECTED[name] ?? {
      ok: false,
      kind: expect.any(String),
      message: /\S.{20,}/,
    };

    if (!expected.ok) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.kind).toEqual(expected.kind);
      expect(result.error.message).toMatch(expected.message);
      expect(result.error.message).toMatch(/[.!]$/);
      if (expected.problems !== undefined && result.error.kind === 'invalid') {
        expect(lines(result.error.problems)).toEqual(expected.problems);
      }
      return;
    }
    if (!result.ok) throw new Error(`expected ${name} to open with repairs: ${result.error.message}`);
    expect(lines(result.repairs)).toEqual(expected.repairs);
  });
});
