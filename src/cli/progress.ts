import type { ExportProgress } from '../export/exportVideo';

/**
 * Export progress for a person watching: on a terminal one line redrawn in place
 * (`[#######.....]  42%  ETA 0:12  27 fps`), otherwise (a log, CI) a plain line every 5%.
 */
export interface ProgressDisplay {
  update(p: ExportProgress): void;
  /** Ends the progress line so the next output starts on a fresh one. */
  finish(): void;
}

const BAR_WIDTH = 30;
const STEP_PERCENT = 5;
/** A terminal redraw at most every 100 ms: drawing every frame would cost more than it shows. */
const REDRAW_MS = 100;

export function createProgressDisplay(write: (text: string) => void, isTTY: boolean): ProgressDisplay {
  let lastStep = -1;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(p) {
      if (isTTY) {
        const now = Date.now();
        if (p.percent < 100 && now - lastDraw < REDRAW_MS) return;
        lastDraw = now;
        write(`\r${progressLine(p)}\x1b[K`);
        drawn = true;
        return;
      }
      const step = Math.floor(p.percent / STEP_PERCENT);
      if (step === lastStep) return;
      lastStep = step;
      write(`${plainLine(p)}\n`);
    },
    finish() {
      if (isTTY && drawn) write('\n');
      drawn = false;
    },
  };
}

export function progressLine(p: ExportProgress): string {
  const filled = Math.round((p.percent / 100) * BAR_WIDTH);
  const bar = '#'.repeat(filled) + '.'.repeat(BAR_WIDTH - filled);
  const eta = p.etaSeconds === null ? '' : `  ETA ${formatDuration(p.etaSeconds)}`;
  const fps = p.fps > 0 ? `  ${p.fps.toFixed(1)} fps` : '';
  return `[${bar}] ${Math.floor(p.percent).toString().padStart(3)}%${eta}${fps}`;
}

export function plainLine(p: ExportProgress): string {
  const eta = p.etaSeconds === null || p.percent >= 100 ? '' : `, about ${formatDuration(p.etaSeconds)} left`;
  return `Exporting: ${Math.floor(p.percent)}% (frame ${p.frame} of ${p.totalFrames}${eta})`;
}

/** `0:07`, `1:05`, `1:02:03`. */
export function formatDuration(seconds: number): string {
  const total = Math.max(0, Math.round(seconds));
  const s = total % 60;
  const m = Math.floor(total / 60) % 60;
  const h = Math.floor(total / 3600);
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}
