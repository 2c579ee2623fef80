import { loadImage, createCanvas } from '@napi-rs/canvas';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallProject } from './fixtures';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = path.join(root, 'dist/cli/kindness.js');
const SYSTEM_FONTS = ['/usr/share/fonts', '/usr/local/share/fonts'].filter((dir) => existsSync(dir));

/**
 * Machines with Noto Color Emoji installed draw every emoji with that copy, whatever the export
 * registers, so a test on them cannot tell whether the export's own font draws. These tests run
 * a command where the system's font folders are hidden (a mount namespace over an empty folder),
 * as on a machine without emoji fonts. That needs root and `unshare`; elsewhere they are skipped.
 */
const canHideSystemFonts =
  process.platform === 'linux' &&
  SYSTEM_FONTS.length > 0 &&
  spawnSync('unshare', ['-m', 'true'], { stdio: 'ignore' }).status === 0;

let dir = '';

/** Runs `command` with the system's fonts hidden. */
function withoutSystemFonts(command: string[]): { status: number | null; stderr: string } {
  const empty = path.join(dir, 'no-fonts');
  const hide = SYSTEM_FONTS.map((folder) => `mount --bind '${empty}' '${folder}'`).join(' && ');
  const quoted = command.map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
  const run = spawnSync('unshare', ['-m', 'sh', '-c', `${hide} && exec ${quoted}`], { encoding: 'utf8' });
  return { status: run.status, stderr: run.stderr };
}

/** Pixels of a PNG that are the yellow of 💛 (Noto's heart is about rgb(254, 200, 60)). */
async function yellowPixels(png: string): Promise<number> {
  const image = await loadImage(await readFile(png));
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const { data } = context.getImageData(0, 0, image.width, image.height);
  let count = 0;
  for (let i = 0; i < data.length; i += 4) {
    if ((data[i] as number) > 200 && (data[i + 1] as number) > 150 && (data[i + 2] as number) < 110) count++;
  }
  return count;
}

describe.skipIf(!canHideSystemFonts)(
  'emoji in an export on a machine without emoji fonts (needs root and unshare to hide the system fonts; skipped otherwise)',
  () => {
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'kindness-emoji-it-'));
      await mkdir(path.join(dir, 'no-fonts'));
      await new Promise<void>((resolve, reject) =>
        execFile(process.execPath, [path.join(root, 'scripts/build-cli.mjs')], (error) =>
          error ? reject(error) : resolve(),
        ),
      );
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('draws the 💛 of a text in colour, as the preview shows it', async () => {
      // The small project's first scene with nothing yellow but the heart of its text.
      const { project } = smallProject({ seconds: 2, withAudio: false });
      const [first, ...rest] = project.scenes;
      if (first === undefined) throw new Error('the small project has no scene');
      const scene = {
        ...first,
        background: { type: 'solid', color: '#2b2d42' },
        elements: first.elements.filter((element) => element.kind === 'text'),
      };
      expect(JSON.stringify(scene.elements)).toContain('💛');
      const file = path.join(dir, 'small.json');
      await writeFile(file, JSON.stringify({ ...project, scenes: [scene, ...rest] }));
      const png = path.join(dir, 'frame.png');
      const run = withoutSystemFonts([process.execPath, cli, 'render-frame', file, '-t', '0.2', '-o', png]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(await yellowPixels(png)).toBeGreaterThan(1000);
    });

    it('would draw nothing from the stylesheet’s subset files (their colour glyphs are SVG)', async () => {
      // Also shows the system's emoji font is out of reach here: with it, the heart would show.
      const script = path.join(dir, 'subset.mjs');
      const canvasModule = pathToFileURL(path.join(root, 'node_modules/@napi-rs/canvas/index.js')).href;
      const files = path.join(root, 'node_modules/@fontsource/noto-color-emoji/files');
      await writeFile(
        script,
        [
          `import { GlobalFonts, createCanvas } from '${canvasModule}';`,
          `import { writeFileSync } from 'node:fs';`,
          `for (const n of [0,1,2,3,4,5,6,7,8,9,10]) GlobalFonts.registerFromPath('${files}/noto-color-emoji-' + n + '-400-normal.woff2', 'Noto Color Emoji');`,
          `const canvas = createCanvas(300, 200);`,
          `const context = canvas.getContext('2d');`,
          `context.fillStyle = '#ffffff'; context.fillRect(0, 0, 300, 200);`,
          `context.font = '120px "Noto Color Emoji"'; context.fillText('💛', 40, 150);`,
          `writeFileSync(process.argv[2], canvas.encodeSync('png'));`,
        ].join('\n'),
      );
      const png = path.join(dir, 'subsets.png');
      const run = withoutSystemFonts([process.execPath, script, png]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(await yellowPixels(png)).toBe(0);
    });
  },
);
