import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, openStudio, test } from './fixtures';
import { blankProject } from '../../src/core/edit';
import type { ElementInput, ProjectInput } from '../../src/core/schema';

/**
 * Preview benchmarks (issue 3): playback of a scene with 100 animated elements (frames drawn
 * per second over 5 s, uncapped by the project's frame rate) and the time to open a 100-scene project. They print figures and assert
 * nothing about time (a shared machine is noisy); run them with KINDNESS_BENCH=1.
 */
test.skip(process.env.KINDNESS_BENCH !== '1', 'benchmarks run with KINDNESS_BENCH=1');
// A trace snapshots the page on every change: it would measure Playwright, not the studio.
test.use({ trace: 'off' });

function animatedScene(id: string, count: number) {
  const elements: ElementInput[] = Array.from({ length: count }, (_, i) => {
    const row = 200 + Math.floor(i / 10) * 150;
    const base = {
      id: `${id}-el-${i}`,
      x: 80 + (i % 10) * 95,
      y: row,
      fill: i % 3 === 0 ? '#9d8cff' : i % 3 === 1 ? '#ffb870' : '#79d9a6',
      keyframes: {
        rotation: [
          { time: 0, value: 0 },
          { time: 10, value: 720 },
        ],
        y: [
          { time: 0, value: row },
          { time: 5, value: row + 60 },
          { time: 10, value: row },
        ],
      },
    };
    return i % 2 === 0
      ? { ...base, kind: 'rect' as const, width: 60, height: 60, anchorX: 30, anchorY: 30 }
      : { ...base, kind: 'ellipse' as const, radiusX: 30, radiusY: 30 };
  });
  return { id, name: id, duration: 10, elements };
}

async function writeProject(path: string, project: ProjectInput): Promise<void> {
  await writeFile(path, JSON.stringify(project));
}

test('preview playback of 100 animated elements', async ({ page, studio }) => {
  const project = { ...blankProject('Bench: 100 elements'), scenes: [animatedScene('busy', 100)] };
  await writeProject(join(studio.workspace, 'bench-100-elements.kindness.json'), project);
  await openStudio(page, studio.server.url);
  await page.getByTestId('start-open').click();
  await page.getByRole('button', { name: /bench-100-elements/ }).click();
  await expect(page.getByTestId('scene-card')).toHaveCount(1);

  // Uncapped: the playhead moves on as soon as the preview has drawn the previous frame, through
  // the same evaluate() and renderer as playback, so the figure shows what the page can draw.
  const run = await page.evaluate(async () => {
    const bench = window.kindnessBench;
    if (!bench) throw new Error('the studio has no benchmark hook');
    return bench.freeRun(5);
  });
  const fps = run.frames / run.seconds;
  console.log(
    `[bench] preview, 100 animated elements, uncapped: ${fps.toFixed(1)} frames drawn/s ` +
      `(${run.frames} frames in ${run.seconds.toFixed(2)} s; target >= 50)`,
  );
  expect(run.frames).toBeGreaterThan(0);
});

test('opening a 100-scene project', async ({ page, studio }) => {
  const scenes = Array.from({ length: 100 }, (_, i) => animatedScene(`scene-${i + 1}`, 5));
  await writeProject(join(studio.workspace, 'bench-100-scenes.kindness.json'), {
    ...blankProject('Bench: 100 scenes'),
    scenes,
  });
  await openStudio(page, studio.server.url);
  await page.getByTestId('start-open').click();
  const file = page.getByRole('button', { name: /bench-100-scenes/ });
  await expect(file).toBeVisible();
  // Timed inside the page, from the click to the first frame painted with every card and scene
  // block in place: polling from Playwright would add its own retry intervals (up to a second).
  await page.evaluate((count) => {
    const marks: { click?: number; ready?: number } = {};
    (window as unknown as { openMarks: typeof marks }).openMarks = marks;
    document.addEventListener('click', () => (marks.click = performance.now()), {
      capture: true,
      once: true,
    });
    const observer = new MutationObserver(() => {
      const cards = document.querySelectorAll('[data-testid="scene-card"]').length;
      const blocks = document.querySelectorAll('[data-testid="scene-block"]').length;
      if (cards !== count || blocks !== count) return;
      observer.disconnect();
      // The next animation frame is the first one drawn with them; the task after it, painted.
      requestAnimationFrame(() => setTimeout(() => (marks.ready = performance.now()), 0));
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }, 100);
  const started = Date.now();
  await file.click();
  await expect(page.getByTestId('scene-card')).toHaveCount(100);
  await expect(page.getByTestId('scene-block')).toHaveCount(100);
  const polled = Date.now() - started;
  const marks = await page
    .waitForFunction(() => {
      const m = (window as unknown as { openMarks: { click?: number; ready?: number } }).openMarks;
      return m.click !== undefined && m.ready !== undefined ? m : null;
    })
    .then((handle) => handle.jsonValue());
  const ms = Math.round((marks?.ready ?? 0) - (marks?.click ?? 0));
  console.log(
    `[bench] open a 100-scene project (host read + UI, click to painted, in the page): ${ms} ms ` +
      `(target <= 1000; ${polled} ms as polled from Playwright)`,
  );
  expect(ms).toBeGreaterThan(0);
});
