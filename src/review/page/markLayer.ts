import type { FramePoint, ReviewMark } from '../../core/schema/review';

interface Shown {
  time: number;
  point?: FramePoint | undefined;
  mark?: ReviewMark | undefined;
}

/** Comments within this many seconds of the playhead show their point or mark. */
const SHOW_WITHIN = 0.5;

/**
 * A canvas over the video: clicks place a point, drags draw a mark (in the project's frame
 * pixels, whatever size the video is shown at), and comments near the playhead show theirs.
 */
export function createMarkLayer(
  canvas: HTMLCanvasElement,
  video: HTMLVideoElement,
  frame: { width: number; height: number },
) {
  let tool: 'point' | 'mark' | null = null;
  let pendingPoint: FramePoint | null = null;
  let pendingMark: number[] | null = null;
  let drawing = false;
  let lastShown: readonly Shown[] = [];
  let lastTime = 0;
  const ctx = canvas.getContext('2d');

  function scale(): number {
    return canvas.clientWidth / frame.width;
  }
  function toFrame(event: PointerEvent): FramePoint {
    const rect = canvas.getBoundingClientRect();
    const s = rect.width / frame.width;
    const clamp = (v: number, max: number) => Math.round(Math.min(Math.max(v, 0), max));
    return {
      x: clamp((event.clientX - rect.left) / s, frame.width),
      y: clamp((event.clientY - rect.top) / s, frame.height),
    };
  }

  function drawPoint(p: FramePoint, colour: string): void {
    if (!ctx) return;
    const s = scale();
    ctx.beginPath();
    ctx.arc(p.x * s, p.y * s, 10, 0, Math.PI * 2);
    ctx.lineWidth = 3;
    ctx.strokeStyle = colour;
    ctx.stroke();
  }
  function drawMark(points: readonly number[], colour: string): void {
    if (!ctx || points.length < 2) return;
    const s = scale();
    ctx.beginPath();
    ctx.moveTo((points[0] ?? 0) * s, (points[1] ?? 0) * s);
    for (let i = 2; i + 1 < points.length; i += 2) ctx.lineTo((points[i] ?? 0) * s, (points[i + 1] ?? 0) * s);
    ctx.lineWidth = 4;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = colour;
    ctx.stroke();
  }

  function redraw(): void {
    if (!ctx) return;
    const ratio = window.devicePixelRatio || 1;
    const w = Math.round(canvas.clientWidth * ratio);
    const h = Math.round(canvas.clientHeight * ratio);
    if (canvas.width !== w || canvas.height !== h) {
      canvas.width = w;
      canvas.height = h;
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, canvas.clientWidth, canvas.clientHeight);
    for (const c of lastShown) {
      if (Math.abs(c.time - lastTime) > SHOW_WITHIN) continue;
      if (c.point) drawPoint(c.point, '#ffd166');
      if (c.mark) drawMark(c.mark.points, '#ffd166');
    }
    if (pendingPoint) drawPoint(pendingPoint, '#6ee7b7');
    if (pendingMark) drawMark(pendingMark, '#6ee7b7');
  }

  canvas.addEventListener('pointerdown', (event) => {
    if (tool === null) return;
    event.preventDefault();
    const p = toFrame(event);
    if (tool === 'point') {
      pendingPoint = p;
    } else {
      drawing = true;
      canvas.setPointerCapture(event.pointerId);
      pendingMark = [p.x, p.y];
    }
    redraw();
  });
  canvas.addEventListener('pointermove', (event) => {
    if (!drawing || pendingMark === null) return;
    const p = toFrame(event);
    if (pendingMark.length < 4000) pendingMark.push(p.x, p.y);
    redraw();
  });
  const end = () => {
    drawing = false;
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  new ResizeObserver(redraw).observe(canvas);
  void video;

  return {
    tool: () => tool,
    setTool(next: 'point' | 'mark' | null) {
      tool = next;
      canvas.classList.toggle('active', next !== null);
    },
    clearPending() {
      pendingPoint = null;
      pendingMark = null;
      redraw();
    },
    /** The point or mark drawn for the next comment (cleared: the next one starts fresh). */
    takePending(): { point: FramePoint | null; mark: number[] | null } {
      const taken = {
        point: pendingPoint,
        mark: pendingMark && pendingMark.length >= 4 ? pendingMark : null,
      };
      pendingPoint = null;
      pendingMark = null;
      redraw();
      return taken;
    },
    show(comments: readonly Shown[], time: number) {
      lastShown = comments;
      lastTime = time;
      redraw();
    },
  };
}
