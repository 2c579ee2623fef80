import { describe, expect, it } from 'vitest';
import { ProjectSchema } from '../../../src/core/schema';

describe('ProjectSchema', () => {
  it('fills defaults and reports the path of a bad value inside a group', () => {
    const bad = ProjectSchema.safeParse({
      format: 'kindness-studio',
      version: 1,
      scenes: [
        {
          id: 's',
          duration: 2,
          elements: [{ id: 'g', kind: 'group', children: [{ id: 'r', kind: 'rect', width: 'x', height: 2 }] }],
        },
      ],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.'));
    console.log(JSON.stringify(bad.error?.issues, null, 1));
    expect(paths).toBeDefined();
    const good = ProjectSchema.parse({ format: 'kindness-studio', version: 1, scenes: [{ id: 's', duration: 2, elements: [{ id: 'g', kind: 'group', children: [{ id: 'r', kind: 'rect', width: 3, height: 2 }] }] }] });
    expect(good.video).toEqual({ width: 1080, height: 1920, fps: 30 });
    console.log(JSON.stringify(good));
  });
});
