import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject, projectDuration } from '../../../src/core';

const SAMPLES = join(import.meta.dirname, '../../../resources/samples');
const DIRECTORY = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../resources/safety/directory.json'), 'utf8'),
) as {
  resources: { region: string; name: string; contact: string }[];
};
const files = readdirSync(SAMPLES).filter((f) => f.endsWith('.kindness.json'));

describe('bundled samples', () => {
  it('there is at least one', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files)('%s loads without problems or repairs and is a complete campaign video', (file) => {
    const result = loadProject(readFileSync(join(SAMPLES, file), 'utf8'));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.repairs).toEqual([]);
    const project = result.project;

    expect(project.video).toEqual({ width: 1080, height: 1920, fps: 30 });
    expect(project.scenes.length).toBeGreaterThanOrEqual(4);
    const duration = projectDuration(project);
    expect(duration).toBeGreaterThanOrEqual(15);
    expect(duration).toBeLessThanOrEqual(20);
    expect(project.captions.some((c) => /\p{Extended_Pictographic}/u.test(c.text))).toBe(true);
    expect(project.post.hashtags).toContain('CreateKindness');

    // The end card only names resources that are in the directory, for its region: never invented.
    const card = project.endCard;
    expect(card?.enabled).toBe(true);
    expect(card?.resources.length).toBeGreaterThan(0);
    for (const r of card?.resources ?? []) {
      expect(DIRECTORY.resources).toContainEqual(
        expect.objectContaining({ region: card?.region, name: r.name, contact: r.contact }),
      );
    }
  });
});
