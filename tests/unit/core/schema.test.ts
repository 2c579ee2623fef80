import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../../src/core/load';
import { ElementSchema, ProjectSchema } from '../../../src/core/schema';

const fixture: unknown = JSON.parse(
  readFileSync(new URL('../../fixtures/versions/v1.json', import.meta.url), 'utf8'),
);

function problemPaths(input: unknown): string[] {
  const result = ProjectSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => formatPath(issue.path));
}

const minimal = { format: 'kindness-studio', version: 1, scenes: [{ id: 's', duration: 2 }] };

describe('ProjectSchema', () => {
  it('accepts the v1 fixture', () => {
    expect(ProjectSchema.safeParse(fixture).success).toBe(true);
  });

  it('fills every default of a minimal document', () => {
    const project = ProjectSchema.parse(minimal);
    expect(project).toMatchObject({
      title: 'Untitled',
      video: { width: 1080, height: 1920, fps: 30 },
      captions: [],
      captionSettings: { fontFamily: 'Fredoka', fontSize: 64, position: 'bottom' },
      audio: [],
      post: { caption: '', hashtags: [] },
      review: { status: 'draft', comments: [] },
      assets: {},
    });
    expect(project.endCard).toBeUndefined();
    expect(project.scenes[0]).toEqual({
      id: 's',
      name: '',
      duration: 2,
      background: { type: 'solid', color: '#101018' },
      notes: '',
      transition: { kind: 'cut', duration: 0, direction: 'left' },
      elements: [],
    });
  });

  it('fills element defaults, inside groups too', () => {
    const group = ElementSchema.parse({
      id: 'g',
      kind: 'group',
      children: [{ id: 't', kind: 'text', text: 'Hi' }],
    });
    expect(group).toMatchObject({
      x: 0,
      y: 0,
      scaleX: 1,
      scaleY: 1,
      opacity: 1,
      visible: true,
      locked: false,
    });
    expect(group.kind === 'group' && group.children[0]).toMatchObject({
      fontFamily: 'Inter',
      fontSize: 72,
      fontWeight: 'bold',
      align: 'center',
      lineHeight: 1.15,
      fill: null,
    });
  });

  it('reports a bad value inside a group at its exact path', () => {
    expect(
      problemPaths({
        ...minimal,
        scenes: [
          {
            id: 's',
            duration: 2,
            elements: [
              { id: 'g', kind: 'group', children: [{ id: 'r', kind: 'rect', width: 'x', height: 2 }] },
            ],
          },
        ],
      }),
    ).toEqual(['scenes[0].elements[0].children[0].width']);
  });

  it('reports every problem of a document, each with its path', () => {
    expect(
      problemPaths({
        format: 'kindness-studio',
        version: 1,
        video: { width: 1081 },
        scenes: [
          {
            id: '',
            duration: 0,
            background: { type: 'solid', color: 'teal' },
            elements: [
              { id: 'a', kind: 'star', points: 2, innerRadius: 1, outerRadius: 2 },
              { id: 'b', kind: 'line', points: [0, 0] },
              {
                id: 'c',
                kind: 'rect',
                width: 1,
                height: 1,
                keyframes: { x: [{ time: 0, value: 1, easing: 'wobbly' }] },
              },
              { id: 'd', kind: 'unknown' },
            ],
          },
        ],
        captions: [{ id: 'k', start: 0, end: 1, text: 'hi', style: 'neon' }],
        post: { hashtags: ['#kind'] },
        assets: { ['0f'.repeat(32)]: { kind: 'video', name: 'x', mime: 'x', size: 1 } },
      }),
    ).toEqual([
      'video.width',
      'scenes[0].id',
      'scenes[0].duration',
      'scenes[0].background.color',
      'scenes[0].elements[0].points',
      'scenes[0].elements[1].points',
      'scenes[0].elements[2].keyframes.x[0].easing',
      'scenes[0].elements[3].kind',
      'captions[0].style',
      'post.hashtags[0]',
      `assets["${'0f'.repeat(32)}"].kind`,
    ]);
  });

  it('refuses a document without scenes, another format or another version', () => {
    expect(problemPaths({ ...minimal, scenes: [] })).toEqual(['scenes']);
    expect(problemPaths({ ...minimal, format: 'other' })).toEqual(['format']);
    expect(problemPaths({ ...minimal, version: 2 })).toEqual(['version']);
  });

  it('refuses NaN and Infinity where numbers go', () => {
    const paths = problemPaths({
      ...minimal,
      scenes: [
        { id: 's', duration: 2, elements: [{ id: 'r', kind: 'rect', x: NaN, width: Infinity, height: 1 }] },
      ],
    });
    expect(paths).toEqual(['scenes[0].elements[0].x', 'scenes[0].elements[0].width']);
  });
});
