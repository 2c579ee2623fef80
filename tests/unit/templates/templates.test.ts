import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCaption } from '../../../src/core/captions';
import { evaluate } from '../../../src/core/frame';
import { loadProject, serializeProject } from '../../../src/core/load';
import { COMMON_SAFE_BOX } from '../../../src/core/platform/platforms';
import { BundledSafetyDirectorySchema } from '../../../src/core/safety/directory';
import type { Element, Project } from '../../../src/core/schema';
import { TEMPLATES, TEMPLATE_THEMES, buildTemplate, templateManifest } from '../../../src/core/templates';
import { timelineOf } from '../../../src/core/timeline';
import { captionReport } from '../../../src/export/captionReport';
import { endCardReport } from '../../../src/export/endCardReport';
import { installKonvaNodeBackend } from '../../../src/render/backends/node';
import { createRenderer, type Renderer } from '../../../src/render/renderer';
import { projectTexts } from '../../../src/core/projectTexts';

const root = join(import.meta.dirname, '../../..');
const folder = join(root, 'resources/templates');
const directory = BundledSafetyDirectorySchema.parse(
  JSON.parse(readFileSync(join(root, 'resources/safety/directory.json'), 'utf8')),
);
const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as ReturnType<
  typeof templateManifest
>;

function load(id: string): Project {
  const result = loadProject(readFileSync(join(folder, `${id}.kindness.json`), 'utf8'));
  if (!result.ok) throw new Error(`${id}: ${result.error.message}`);
  expect(result.repairs).toEqual([]);
  return result.project;
}

const EMOJI = /\p{Extended_Pictographic}/u;
const ids = TEMPLATES.map((t) => [t.id] as const);

describe('the template files', () => {
  it('are exactly what src/core/templates builds (run node scripts/make-templates.mjs after a change)', () => {
    for (const t of TEMPLATES) {
      const file = readFileSync(join(folder, `${t.id}.kindness.json`), 'utf8');
      expect(file, t.id).toBe(serializeProject(buildTemplate(t, directory)));
    }
    expect(manifest).toEqual(templateManifest(directory));
    const files = readdirSync(folder).filter((f) => f.endsWith('.kindness.json'));
    expect(files.sort()).toEqual(manifest.templates.map((t) => t.file).sort());
  });

  it('cover the six #CreateKindness themes, one each', () => {
    expect(manifest.templates.map((t) => t.theme).sort()).toEqual(TEMPLATE_THEMES.map((t) => t.id).sort());
  });
});

describe.each(ids)('%s', (id) => {
  const entry = manifest.templates.find((t) => t.id === id);

  it('loads with the real loader, no problems or repairs, and matches its manifest entry', () => {
    const project = load(id);
    const duration = timelineOf(project).duration;
    expect(duration).toBeGreaterThanOrEqual(15);
    expect(duration).toBeLessThanOrEqual(30);
    expect(project.scenes.length).toBeGreaterThanOrEqual(4);
    expect(project.scenes.length).toBeLessThanOrEqual(6);
    expect(entry).toMatchObject({ title: project.title, sceneCount: project.scenes.length, duration });
    expect(entry?.keyFrame).toBeLessThan(duration);
  });

  it('tells the creator what each beat is for, and ends with the creator revealed', () => {
    const project = load(id);
    const notes = project.scenes.map((s) => s.notes);
    for (const n of notes) expect(n.length).toBeGreaterThan(40);
    for (const beat of ['THE INCIDENT', 'THE IMPACT', 'THE CHOICE', 'THE KINDNESS', 'THE CREATOR REVEALED']) {
      expect(
        notes.some((n) => n.includes(beat)),
        beat,
      ).toBe(true);
    }
    const last = project.scenes[project.scenes.length - 1];
    expect(last?.name).toBe('This is me');
    const names = (els: readonly Element[]): string[] =>
      els.flatMap((e) => [e.name, ...(e.kind === 'group' ? names(e.children) : [])]);
    const texts = (els: readonly Element[]): string[] =>
      els.flatMap((e) => (e.kind === 'text' ? [e.text] : e.kind === 'group' ? texts(e.children) : []));
    expect(names(last?.elements ?? [])).toContain('Your photo (replace with your picture)');
    expect(texts(last?.elements ?? [])).toContain('@yourhandle');
    expect(texts(last?.elements ?? []).some((t) => t.startsWith('this is me'))).toBe(true);
  });

  it('has captions with emoji that pass the readability checks, and an end card of directory resources', () => {
    const project = load(id);
    expect(project.captions.length).toBe(project.scenes.length);
    expect(project.captions.every((c) => EMOJI.test(c.text))).toBe(true);
    for (const c of project.captions) expect(checkCaption(c), c.text).toEqual([]);
    const card = project.endCard;
    expect(card?.enabled).toBe(true);
    expect(card?.resources.length).toBeGreaterThan(0);
    for (const r of card?.resources ?? []) {
      expect(directory.resources).toContainEqual(
        expect.objectContaining({
          name: r.name,
          contact: r.contact,
          region: expect.stringMatching(new RegExp(`^(${card?.region}|global)$`)),
        }),
      );
    }
    expect(project.post.hashtags).toContain('CreateKindness');
  });

  it('uses only the bundled fonts', () => {
    const project = load(id);
    const fonts = new Set<string>([project.captionSettings.fontFamily]);
    const walk = (els: readonly Element[]): void =>
      els.forEach((e) => {
        if (e.kind === 'text' || e.kind === 'bubble') fonts.add(e.fontFamily);
        if (e.kind === 'group') walk(e.children);
      });
    project.scenes.forEach((s) => walk(s.elements));
    for (const f of fonts) expect(['Inter', 'Fredoka']).toContain(f);
  });
});

describe('template frames, rendered as the export draws them', () => {
  let renderer: Renderer;
  beforeAll(() => {
    const texts = TEMPLATES.map((t) => projectTexts(buildTemplate(t, directory))).join(' ');
    renderer = createRenderer({ width: 1080, height: 1920, backend: installKonvaNodeBackend(texts) });
  });
  afterAll(() => renderer.destroy());

  /** Every text and bubble that shows at this frame, with its rendered box. */
  function visibleTexts(
    project: Project,
    t: number,
  ): { name: string; box: { x: number; y: number; width: number; height: number } }[] {
    const state = evaluate(project, t);
    renderer.draw(state);
    const out: { name: string; box: { x: number; y: number; width: number; height: number } }[] = [];
    for (const layer of state.layers) {
      const walk = (els: readonly Element[], opacity: number): void => {
        for (const e of els) {
          const o = opacity * e.opacity;
          if (!e.visible || o < 0.05 || Math.abs(e.scaleX) < 0.5) continue;
          if (e.kind === 'group') walk(e.children, o);
          else if (
            (e.kind === 'text' && e.text.trim() !== '') ||
            (e.kind === 'bubble' && e.text.trim() !== '')
          ) {
            const node = renderer.findNode(layer.key, e.id);
            if (node !== undefined) out.push({ name: e.name, box: node.getClientRect() });
          }
        }
      };
      walk(layer.elements, layer.opacity);
    }
    return out;
  }

  it.each(ids)(
    '%s: frames in every scene are drawn (not blank) and keep their text inside the safe zone',
    (id) => {
      const project = load(id);
      const layout = timelineOf(project);
      // Two moments in every scene (after the entrances, before the transitions) and the key frame.
      const times = [
        ...layout.spans.flatMap((s) => [
          s.start + (s.end - s.start) * 0.6,
          s.start + (s.end - s.start) * 0.85,
        ]),
        TEMPLATES.find((tp) => tp.id === id)?.keyFrame ?? 0,
      ];
      expect(times.every(Number.isFinite)).toBe(true);
      const safe = COMMON_SAFE_BOX;
      let checked = 0;
      const outside: string[] = [];
      for (const t of times) {
        const texts = visibleTexts(project, t);
        checked += texts.length;
        for (const { name, box } of texts) {
          const inside =
            box.x >= safe.x - 2 &&
            box.y >= safe.y - 2 &&
            box.x + box.width <= safe.x + safe.width + 2 &&
            box.y + box.height <= safe.y + safe.height + 2;
          const r = (v: number): number => Math.round(v);
          if (!inside)
            outside.push(
              `${t.toFixed(2)} s "${name}" x ${r(box.x)}..${r(box.x + box.width)} y ${r(box.y)}..${r(box.y + box.height)}`,
            );
        }
        const rgba = renderer.readRgba();
        // Not blank: many colours, and no single colour fills nine tenths of the frame.
        const counts = new Map<number, number>();
        for (let i = 0; i < rgba.length; i += 4 * 7) {
          const key = ((rgba[i] as number) << 16) | ((rgba[i + 1] as number) << 8) | (rgba[i + 2] as number);
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        const samples = rgba.length / (4 * 7);
        expect(counts.size, `${id} at ${t}`).toBeGreaterThan(50);
        expect(Math.max(...counts.values()) / samples, `${id} at ${t}`).toBeLessThan(0.9);
      }
      expect(outside).toEqual([]);
      // The check saw the texts (each scene has some).
      expect(checked).toBeGreaterThan(project.scenes.length);
    },
  );

  it.each(ids)(
    '%s: the export readability checks find nothing (caption contrast and safe zones, end card)',
    async (id) => {
      const project = load(id);
      const captions = await captionReport(project, new Map(), { safeZones: ['tiktok', 'reels', 'shorts'] });
      expect(captions.map((l) => `${l.text}: ${l.message}`)).toEqual([]);
      expect(await endCardReport(project, new Map())).toEqual([]);
    },
  );
});
