import { describe, expect, it } from 'vitest';
import { loadProject, type LoadResult } from '../../../src/core/load';
import type { Project } from '../../../src/core/schema';
import { doc, type LooseDoc } from '../../helpers/looseDoc';

const IMAGE_ID = 'a'.repeat(64);
const AUDIO_ID = 'b'.repeat(64);

function loaded(result: LoadResult): { project: Project; repairs: { path: string; message: string }[] } {
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('loadProject repairs', () => {
  it('clamps out-of-range numbers to the nearest allowed value and says where', () => {
    const { project, repairs } = loaded(
      loadProject(
        doc((d) => {
          Object.assign(d.scenes[0].elements[0], { opacity: 1.4, strokeWidth: -3 });
          d.captionSettings = { fontSize: 400 };
          d.scenes[0].transition = { kind: 'crossfade', duration: 9 };
        }),
      ),
    );
    const rect = project.scenes[0]?.elements[0];
    expect(rect).toMatchObject({ opacity: 1, strokeWidth: 0 });
    expect(project.captionSettings.fontSize).toBe(160);
    expect(project.scenes[0]?.transition.duration).toBe(5);
    expect(repairs).toEqual(
      expect.arrayContaining([
        {
          path: 'scenes[0].elements[0].opacity',
          message: '1.4 is above the highest allowed value; set to 1',
        },
        {
          path: 'scenes[0].elements[0].strokeWidth',
          message: '-3 is below the lowest allowed value; set to 0',
        },
        { path: 'captionSettings.fontSize', message: '400 is above the highest allowed value; set to 160' },
        { path: 'scenes[0].transition.duration', message: '9 is above the highest allowed value; set to 5' },
      ]),
    );
    expect(repairs).toHaveLength(4);
  });

  it('clamps inside groups and keyframes too', () => {
    const { project } = loaded(
      loadProject(
        doc((d) => {
          d.scenes[0].elements = [
            {
              id: 'g',
              kind: 'group',
              children: [
                {
                  id: 'c',
                  kind: 'rect',
                  width: 1,
                  height: 1,
                  keyframes: { x: [{ time: -0.5, value: 3 }] },
                },
              ],
            },
          ];
        }),
      ),
    );
    const group = project.scenes[0]?.elements[0];
    expect(group?.kind === 'group' && group.children[0]?.keyframes?.x?.[0]?.time).toBe(0);
  });

  it('does not guess a value that has no nearest allowed one: a negative width stays a problem', () => {
    const result = loadProject(doc((d) => (d.scenes[0].elements[0].width = -5)));
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid',
        problems: [{ path: 'scenes[0].elements[0].width', message: 'must be more than 0' }],
      },
    });
  });

  it('lists only what it could not repair when a file has both kinds of problem', () => {
    const result = loadProject(
      doc((d) => {
        d.scenes[0].elements[0].opacity = 7;
        d.scenes[0].elements[0].fill = 'blue';
      }),
    );
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.kind === 'invalid') {
      expect(result.error.problems.map((p) => p.path)).toEqual(['scenes[0].elements[0].fill']);
    }
  });

  it('sorts keyframe tracks by time, keeping equal times in their order', () => {
    const { project, repairs } = loaded(
      loadProject(
        doc((d) => {
          d.scenes[0].elements[0].keyframes = {
            x: [
              { time: 2, value: 20 },
              { time: 0, value: 0 },
              { time: 1, value: 10 },
              { time: 1, value: 11 },
            ],
            fill: [
              { time: 0, value: '#000000' },
              { time: 1, value: '#ffffff' },
            ],
          };
        }),
      ),
    );
    const track = project.scenes[0]?.elements[0]?.keyframes?.x;
    expect(track?.map((k) => [k.time, k.value])).toEqual([
      [0, 0],
      [1, 10],
      [1, 11],
      [2, 20],
    ]);
    expect(repairs).toEqual([
      {
        path: 'scenes[0].elements[0].keyframes.x',
        message: 'keyframes were out of time order; sorted by time',
      },
    ]);
  });

  it('renames duplicate ids so every id in the project is unique', () => {
    const { project, repairs } = loaded(
      loadProject(
        doc((d) => {
          d.scenes[0].elements = [
            { id: 'a', kind: 'rect', width: 1, height: 1 },
            { id: 'a-2', kind: 'rect', width: 1, height: 1 },
            { id: 'g', kind: 'group', children: [{ id: 'a', kind: 'rect', width: 1, height: 1 }] },
          ];
          d.scenes.push({
            id: 's1',
            duration: 1,
            elements: [{ id: 'a', kind: 'rect', width: 1, height: 1 }],
          });
          d.captions = [{ id: 'a', start: 0, end: 1, text: 'hi' }];
        }),
      ),
    );
    const ids = [
      ...project.scenes.map((s) => s.id),
      ...project.scenes.flatMap((s) =>
        s.elements.flatMap((e) => [e.id, ...(e.kind === 'group' ? e.children.map((c) => c.id) : [])]),
      ),
      ...project.captions.map((c) => c.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
    // The first holder keeps its id; later ones get fresh ids that were not in use.
    expect(project.scenes[0]?.elements[0]?.id).toBe('a');
    expect(project.scenes[0]?.elements[1]?.id).toBe('a-2');
    expect(repairs.map((r) => r.path)).toEqual([
      'scenes[1].id',
      'scenes[0].elements[2].children[0].id',
      'scenes[1].elements[0].id',
      'captions[0].id',
    ]);
    expect(repairs[0]?.message).toBe('the id "s1" was used twice; renamed to "s1-2"');
    expect(repairs[1]?.message).toBe('the id "a" was used twice; renamed to "a-3"');
  });

  it('keeps a renamed id within the length limit', () => {
    const long = 'x'.repeat(64);
    const { project } = loaded(
      loadProject(
        doc((d) => {
          d.scenes[0].elements = [
            { id: long, kind: 'rect', width: 1, height: 1 },
            { id: long, kind: 'rect', width: 1, height: 1 },
          ];
        }),
      ),
    );
    const renamed = project.scenes[0]?.elements[1]?.id ?? '';
    expect(renamed).not.toBe(long);
    expect(renamed.length).toBeLessThanOrEqual(64);
  });

  it('replaces fonts the app does not ship by the default, and fixes the letter case of known ones', () => {
    const { project, repairs } = loaded(
      loadProject(
        doc((d) => {
          d.scenes[0].elements = [
            { id: 't', kind: 'text', text: 'Hi', fontFamily: 'Comic Sans MS' },
            { id: 'b', kind: 'bubble', width: 10, height: 10, tailX: 0, tailY: 0, fontFamily: 'fredoka' },
          ];
          d.captionSettings = { fontFamily: 'Papyrus' };
        }),
      ),
    );
    const [text, bubble] = project.scenes[0]?.elements ?? [];
    expect(text?.kind === 'text' && text.fontFamily).toBe('Inter');
    expect(bubble?.kind === 'bubble' && bubble.fontFamily).toBe('Fredoka');
    expect(project.captionSettings.fontFamily).toBe('Fredoka');
    expect(repairs).toEqual([
      {
        path: 'scenes[0].elements[0].fontFamily',
        message: 'the font "Comic Sans MS" is not available in Kindness Studio; using "Inter" instead',
      },
      { path: 'scenes[0].elements[1].fontFamily', message: 'font "fredoka" written as "Fredoka"' },
      {
        path: 'captionSettings.fontFamily',
        message: 'the font "Papyrus" is not available in Kindness Studio; using "Fredoka" instead',
      },
    ]);
  });

  it('gives a caption that ends before it starts one second, and sorts captions by start', () => {
    const { project, repairs } = loaded(
      loadProject(
        doc((d) => {
          d.captions = [
            { id: 'c2', start: 5, end: 6, text: 'second' },
            { id: 'c1', start: 2, end: 2, text: 'first' },
            { id: 'c0', start: 0, end: -1, text: 'zero' },
          ];
        }),
      ),
    );
    expect(project.captions.map((c) => [c.id, c.start, c.end])).toEqual([
      ['c0', 0, 1],
      ['c1', 2, 3],
      ['c2', 5, 6],
    ]);
    // The negative end is first clamped to 0 (times are never negative), then lengthened.
    expect(repairs.map((r) => r.path)).toEqual([
      'captions[2].end',
      'captions[1].end',
      'captions[2].end',
      'captions',
    ]);
    expect(repairs[1]?.message).toBe('the caption ended (2s) before it started (2s); it now ends at 3s');
    expect(repairs[3]?.message).toBe('captions were out of time order; sorted by start time');
  });

  describe('missing assets', () => {
    const withRefs = doc((d) => {
      d.scenes[0].elements.push({ id: 'img', kind: 'image', assetId: IMAGE_ID, width: 10, height: 10 });
      d.audio = [{ id: 'music', assetId: AUDIO_ID }];
      d.assets = { [IMAGE_ID]: { kind: 'image', name: 'cat.png', mime: 'image/png', size: 3 } };
    });

    it('keeps references the document does not list, and warns about each', () => {
      const { project, repairs } = loaded(loadProject(withRefs));
      expect(project.scenes[0]?.elements[1]).toMatchObject({ kind: 'image', assetId: IMAGE_ID });
      expect(project.audio[0]?.assetId).toBe(AUDIO_ID);
      expect(repairs).toEqual([
        {
          path: 'audio[0].assetId',
          message: 'missing asset bbbbbbbbbbbb…: this audio track will be silent until it is replaced',
        },
      ]);
    });

    it('also warns about listed assets whose files are not in the container', () => {
      const { project, repairs } = loaded(loadProject(withRefs, { availableAssets: new Set([AUDIO_ID]) }));
      expect(project.scenes[0]?.elements[1]).toMatchObject({ kind: 'image', assetId: IMAGE_ID });
      expect(repairs).toEqual([
        {
          path: 'scenes[0].elements[1].assetId',
          message:
            'missing asset "cat.png" (aaaaaaaaaaaa…): the image will show as a placeholder until it is replaced',
        },
        { path: 'audio[0].assetId', message: expect.stringMatching(/^missing asset bbbbbbbbbbbb…/) },
      ]);
    });

    it('is quiet when every file is there', () => {
      const complete = structuredClone(withRefs) as LooseDoc;
      complete.assets[AUDIO_ID] = { kind: 'audio', name: 'm.mp3', mime: 'audio/mpeg', size: 3 };
      const { repairs } = loaded(loadProject(complete, { availableAssets: new Set([IMAGE_ID, AUDIO_ID]) }));
      expect(repairs).toEqual([]);
    });
  });

  it('returns a project the schema accepts after every repair', () => {
    const { project, repairs } = loaded(
      loadProject(
        doc((d) => {
          d.scenes[0].elements.push({ id: 'r1', kind: 'text', text: 'x', fontFamily: 'Arial', opacity: -1 });
          d.captions = [
            { id: 'r1', start: 3, end: 1, text: 'b' },
            { id: 'k', start: 1, end: 2, text: 'a' },
          ];
        }),
      ),
    );
    expect(repairs.length).toBeGreaterThanOrEqual(5);
    expect(project.captions.map((c) => c.text)).toEqual(['a', 'b']);
  });
});
