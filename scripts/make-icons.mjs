// Draws the app icon (a warm heart on a deep indigo rounded square) at 512 and 256 pixels into
// resources/icons/, for electron-builder and the window. Run: node scripts/make-icons.mjs
import { createCanvas } from '@napi-rs/canvas';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const outDir = fileURLToPath(new URL('../resources/icons/', import.meta.url));

/** A heart centred at (cx, cy), `w` wide: two arcs over a point, drawn with cubic curves. */
function heartPath(ctx, cx, cy, w) {
  const h = w * 0.9;
  const top = cy - h * 0.42;
  ctx.beginPath();
  ctx.moveTo(cx, top + h * 0.18);
  ctx.bezierCurveTo(
    cx - w * 0.08,
    top - h * 0.08,
    cx - w * 0.5,
    top - h * 0.06,
    cx - w * 0.5,
    top + h * 0.28,
  );
  ctx.bezierCurveTo(cx - w * 0.5, top + h * 0.58, cx - w * 0.2, top + h * 0.76, cx, top + h);
  ctx.bezierCurveTo(cx + w * 0.2, top + h * 0.76, cx + w * 0.5, top + h * 0.58, cx + w * 0.5, top + h * 0.28);
  ctx.bezierCurveTo(cx + w * 0.5, top - h * 0.06, cx + w * 0.08, top - h * 0.08, cx, top + h * 0.18);
  ctx.closePath();
}

function roundedSquare(ctx, x, y, size, radius) {
  ctx.beginPath();
  ctx.moveTo(x + radius, y);
  ctx.arcTo(x + size, y, x + size, y + size, radius);
  ctx.arcTo(x + size, y + size, x, y + size, radius);
  ctx.arcTo(x, y + size, x, y, radius);
  ctx.arcTo(x, y, x + size, y, radius);
  ctx.closePath();
}

function drawIcon(size) {
  const canvas = createCanvas(size, size);
  const ctx = canvas.getContext('2d');
  const s = size / 512;
  // Platform icon grids leave a margin around the tile.
  const margin = 32 * s;
  const tile = size - 2 * margin;

  ctx.save();
  ctx.shadowColor = 'rgba(10, 6, 30, 0.45)';
  ctx.shadowBlur = 18 * s;
  ctx.shadowOffsetY = 6 * s;
  roundedSquare(ctx, margin, margin, tile, 96 * s);
  const bg = ctx.createLinearGradient(0, margin, 0, margin + tile);
  bg.addColorStop(0, '#3b2f8f');
  bg.addColorStop(1, '#1c1650');
  ctx.fillStyle = bg;
  ctx.fill();
  ctx.restore();

  // A soft warm glow behind the heart.
  const glow = ctx.createRadialGradient(size / 2, size * 0.5, 10 * s, size / 2, size * 0.5, 200 * s);
  glow.addColorStop(0, 'rgba(255, 170, 110, 0.45)');
  glow.addColorStop(1, 'rgba(255, 170, 110, 0)');
  roundedSquare(ctx, margin, margin, tile, 96 * s);
  ctx.fillStyle = glow;
  ctx.fill();

  heartPath(ctx, size / 2, size * 0.53, 270 * s);
  const heart = ctx.createLinearGradient(0, size * 0.3, 0, size * 0.8);
  heart.addColorStop(0, '#ffb36b');
  heart.addColorStop(0.55, '#ff7a59');
  heart.addColorStop(1, '#f2545b');
  ctx.fillStyle = heart;
  ctx.fill();
  ctx.lineWidth = 6 * s;
  ctx.strokeStyle = 'rgba(255, 240, 225, 0.9)';
  ctx.stroke();

  // A small highlight so the heart reads as soft, not flat.
  ctx.beginPath();
  ctx.ellipse(size * 0.4, size * 0.4, 34 * s, 20 * s, -0.6, 0, Math.PI * 2);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.35)';
  ctx.fill();
  return canvas.toBuffer('image/png');
}

await mkdir(outDir, { recursive: true });
for (const size of [512, 256]) {
  await writeFile(`${outDir}${size}x${size}.png`, drawIcon(size));
}
console.log(`Icons written to ${outDir}`);
