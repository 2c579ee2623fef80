import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { pictureRefusal, pictureSize } from '../../../src/core/pictures';

function encoded(format: 'png' | 'jpeg' | 'webp', width: number, height: number): Uint8Array {
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').fillRect(0, 0, width, height);
  return canvas.encodeSync(format as 'png');
}

describe('the size a picture declares, read from its header (issue 10)', () => {
  it('reads PNG, JPEG and WebP files as encoders write them', () => {
    expect(pictureSize(encoded('png', 301, 77))).toEqual({ format: 'png', width: 301, height: 77 });
    expect(pictureSize(encoded('jpeg', 640, 1136))).toEqual({ format: 'jpeg', width: 640, height: 1136 });
    expect(pictureSize(encoded('webp', 123, 45))).toMatchObject({ width: 123, height: 45 });
  });

  it('reads GIF and SVG headers', () => {
    const gif = Buffer.from('GIF89a\x10\x27\x20\x4e\x00\x00\x00', 'latin1');
    expect(pictureSize(gif)).toEqual({ format: 'gif', width: 10000, height: 20000 });
    const svg = Buffer.from(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="90000" height="90000"/>',
    );
    expect(pictureSize(svg)).toEqual({ format: 'svg', width: 90000, height: 90000 });
    const boxed = Buffer.from('<svg viewBox="0 0 24 12"><path d="M0 0"/></svg>');
    expect(pictureSize(boxed)).toEqual({ format: 'svg', width: 24, height: 12 });
  });

  it('reads a PNG declaring 4 billion pixels on a side without overflowing', () => {
    const png = Buffer.from(encoded('png', 1, 1));
    png.writeUInt32BE(0xfffffff0, 16);
    expect(pictureSize(png)).toMatchObject({ width: 0xfffffff0, height: 1 });
  });

  it('refuses a picture over the limit with a message naming the file, and passes a normal one', () => {
    const big = Buffer.from(encoded('png', 1, 1));
    big.writeUInt32BE(23000, 16);
    big.writeUInt32BE(23000, 20);
    expect(pictureRefusal('holiday.png', big)).toBe(
      'The picture "holiday.png" is 23000 x 23000 pixels, more than the studio draws (40 megapixels, at most ' +
        '16384 on a side), so it shows as a placeholder. Save a smaller copy (4000 pixels wide is plenty for ' +
        'a video) and add that instead.',
    );
    expect(pictureRefusal('photo.jpg', encoded('jpeg', 4000, 3000))).toBeNull();
    expect(pictureRefusal('notes.txt', Buffer.from('hello'))).toMatch(/"notes\.txt" is not a PNG, JPEG/);
  });
});
