import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadProject, type LoadError } from '../../../src/core/load';
import { CURRENT_VERSION } from '../../../src/core/schema';
import { doc } from '../../helpers/looseDoc';

const fixtureText = readFileSync(new URL('../../fixtures/versions/v1.json', import.meta.url), 'utf8');

function expectError(result: ReturnType<typeof loadProject>): LoadError {
  if (result.ok) throw new Error('expected the load to fail');
  return result.error;
}

describe('loadProject', () => {
  it('loads JSON text and an already parsed value the same way, filling defaults', () => {
    const fromText = loadProject(JSON.stringify(doc()));
    const fromValue = loadProject(doc());
    expect(fromText).toEqual(fromValue);
    expect(fromText.ok && fromText.project.video).toEqual({ width: 1080, height: 1920, fps: 30 });
    expect(fromText.ok && fromText.repairs).toEqual([]);
    expect(fromText.ok && fromText.migratedFrom).toBeNull();
  });

  it('loads the v1 fixture without any repair', () => {
    const result = loadProject(fixtureText);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.repairs).toEqual([]);
  });

  it('accepts a byte order mark before the JSON', () => {
    expect(loadProject(`\uFEFF${JSON.stringify(doc())}`).ok).toBe(true);
  });

  it('never changes the value it was given', () => {
    const input = doc((d) => {
      d.scenes[0].elements[0].opacity = 3;
      d.scenes[0].elements.push({ id: 'r1', kind: 'rect', width: 1, height: 1 });
    });
    const before = JSON.stringify(input);
    const result = loadProject(input);
    expect(result.ok).toBe(true);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('says where JSON text is broken', () => {
    const error = expectError(loadProject('{\n  "format": "kindness-studio",\n  "version": 1,,\n}'));
    expect(error.kind).toBe('not-json');
    expect(error.message).toMatch(
      /^This is not a Kindness Studio project, or it is damaged: it is not valid JSON/,
    );
    expect(error.message).toMatch(/line 3/);
    expect(error.message).toMatch(/Nothing was changed\.$/);
  });

  it('calls an empty file empty', () => {
    const error = expectError(loadProject('  \n'));
    expect(error).toMatchObject({ kind: 'not-json', detail: 'it is empty' });
  });

  it.each([
    ['a list', [1, 2], /where a project document was expected/],
    ['null', null, /where a project document was expected/],
    [
      'another format',
      { format: 'excalidraw', version: 2 },
      /its format is the text "excalidraw", not "kindness-studio"/,
    ],
    ['no format', { type: 'excalidraw', elements: [] }, /it has no "format" field/],
    ['no version', { format: 'kindness-studio', scenes: [] }, /it has no version number/],
    [
      'a bad version',
      { format: 'kindness-studio', version: 'one' },
      /its version \(the text "one"\) is not a version number/,
    ],
    ['version zero', { format: 'kindness-studio', version: 0 }, /is not a version number/],
  ])('refuses %s as not a project', (_label, input, message) => {
    const error = expectError(loadProject(input));
    expect(error.kind).toBe('not-a-project');
    expect(error.message).toMatch(message);
  });

  it('refuses a newer version with a message saying what to do', () => {
    const error = expectError(loadProject(doc((d) => (d.version = 3))));
    expect(error).toEqual({
      kind: 'newer-version',
      fileVersion: 3,
      supportedVersion: CURRENT_VERSION,
      message:
        'This project was made with a newer version of Kindness Studio (file version 3; this app reads up to 1). ' +
        'Update Kindness Studio to open it. The file was not changed.',
    });
  });

  it('lists every problem that cannot be repaired, with its path', () => {
    const input = doc((d) => {
      d.title = 42;
      d.scenes[0].elements = [
        { id: 'r1', kind: 'rect', width: 10, height: 10 },
        { id: 'e1', kind: 'ellipse', radiusX: 5 },
        { id: 'r2', kind: 'rect', width: -5, height: 10, fill: 'red' },
        { id: 'g1', kind: 'group', children: [{ id: 'c1', kind: 'rect', width: 0, height: 2 }] },
        { id: 'x1', kind: 'sparkle' },
      ];
      d.scenes.push({ id: 's2', duration: 'long' });
      d.captions = [{ id: 'k', start: 0, end: 1, text: '' }];
    });
    const error = expectError(loadProject(input));
    if (error.kind !== 'invalid') throw new Error(error.message);
    expect(error.problems).toEqual([
      { path: 'title', message: 'expected text, found the number 42' },
      { path: 'scenes[0].elements[1].radiusY', message: 'is missing (expected a number)' },
      { path: 'scenes[0].elements[2].fill', message: 'expected a colour like #ff8800, found the text "red"' },
      { path: 'scenes[0].elements[2].width', message: 'must be more than 0' },
      { path: 'scenes[0].elements[3].children[0].width', message: 'must be more than 0' },
      {
        path: 'scenes[0].elements[4].kind',
        message: expect.stringMatching(/^unknown kind "sparkle"; expected one of "rect", "ellipse"/),
      },
      { path: 'scenes[1].duration', message: 'expected a number, found the text "long"' },
      { path: 'captions[0].text', message: 'must not be empty' },
    ]);
    expect(error.message).toMatch(
      /^This project has 8 problems that could not be repaired, so it was not opened: title: /,
    );
    expect(error.message).toMatch(/and 5 more\. The file was not changed\.$/);
  });

  it('names a value that is not a finite number', () => {
    const error = expectError(loadProject(doc((d) => (d.scenes[0].elements[0].x = Infinity))));
    expect(error).toMatchObject({
      kind: 'invalid',
      problems: [{ path: 'scenes[0].elements[0].x', message: 'expected a number, found Infinity' }],
    });
  });

  it('writes odd keys so they can be found: asset ids and unknown keyframe properties', () => {
    const error = expectError(
      loadProject(
        doc((d) => {
          d.assets = { 'not-a-hash': { kind: 'image', name: 'a.png', mime: 'image/png', size: 1 } };
          d.scenes[0].elements[0].keyframes = { wobble: [] };
        }),
      ),
    );
    if (error.kind !== 'invalid') throw new Error(error.message);
    expect(error.problems.map((p) => p.path)).toEqual([
      'scenes[0].elements[0].keyframes',
      'assets["not-a-hash"]',
    ]);
    expect(error.problems[0]?.message).toBe('unknown field "wobble"');
    expect(error.problems[1]?.message).toMatch(/expected a sha256 asset id/);
  });

  it('opens groups nested a reasonable depth and refuses absurd nesting with a clear message', () => {
    const nested = (levels: number): Record<string, unknown> => {
      let element: Record<string, unknown> = { id: 'leaf', kind: 'rect', width: 1, height: 1 };
      for (let i = 0; i < levels; i++) element = { id: `g${i}`, kind: 'group', children: [element] };
      return doc((d) => (d.scenes[0].elements = [element]));
    };
    expect(loadProject(nested(40)).ok).toBe(true);
    const error = expectError(loadProject(nested(5000)));
    expect(error).toMatchObject({
      kind: 'invalid',
      problems: [
        {
          path: 'scenes[0].elements[0].children[0].children[0]…',
          message: expect.stringMatching(/^is nested more than \d+ levels deep/),
        },
      ],
    });
  });

  it('never throws, whatever it is given', () => {
    let deep: Record<string, unknown> = { id: 'leaf', kind: 'rect', width: 1, height: 1 };
    for (let i = 0; i < 20000; i++) deep = { id: `g${i}`, kind: 'group', children: [deep] };
    const inputs: unknown[] = [
      undefined,
      42,
      'null',
      '"text"',
      '[]',
      { format: 'kindness-studio', version: 1 },
      { format: 'kindness-studio', version: 1, scenes: 'none' },
      { format: 'kindness-studio', version: 1, scenes: [null] },
      { format: 'kindness-studio', version: 1, scenes: [{ id: 's', duration: 1, elements: [deep] }] },
      { format: 'kindness-studio', version: 1.5 },
      Object.create(null),
    ];
    for (const input of inputs) {
      const result = loadProject(input);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.message.length).toBeGreaterThan(20);
    }
  });
});
