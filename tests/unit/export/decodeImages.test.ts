import { createHash } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../../src/core/load';
import { decodeImages } from '../../../src/export/projectFrameSource';
import { installKonvaNodeBackend } from '../../../src/render/backends/node';
import { doc } from '../../helpers/looseDoc';

function png(width: number, height: number): Buffer {
  const canvas = createCanvas(width, height);
  canvas.getContext('2d').fillRect(0, 0, width, height);
  return canvas.encodeSync('png');
}
const id = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

describe('decoding a project’s pictures for an export (issue 10)', () => {
  it('decodes only the pictures drawn, keeps a huge one scaled down, and names the refused ones', async () => {
    const used = png(4000, 1000);
    const unused = png(300, 300);
    const tooBig = png(1, 1);
    tooBig.writeUInt32BE(20000, 16);
    tooBig.writeUInt32BE(20000, 20);
    const info = (name: string, bytes: Buffer) => ({
      kind: 'image',
      name,
      mime: 'image/png',
      size: bytes.length,
    });
    const loaded = loadProject(
      doc((d) => {
        d.assets = {
          [id(used)]: info('wide.png', used),
          [id(unused)]: info('unused.png', unused),
          [id(tooBig)]: info('huge.png', tooBig),
        };
        d.scenes[0].elements.push(
          { id: 'a', kind: 'image', assetId: id(used), width: 100, height: 100 },
          { id: 'b', kind: 'image', assetId: id(tooBig), width: 100, height: 100 },
        );
      }),
    );
    if (!loaded.ok) throw new Error(loaded.error.message);
    const backend = installKonvaNodeBackend();
    const decodedBytes: number[] = [];
    const counting = {
      ...backend,
      loadImage: (source: Uint8Array | string) => {
        decodedBytes.push(typeof source === 'string' ? 0 : source.byteLength);
        return backend.loadImage(source);
      },
    };
    const log: string[] = [];
    const assets = new Map([used, unused, tooBig].map((b) => [id(b), b]));
    const images = await decodeImages(loaded.project, assets, counting, (line) => log.push(line));
    expect(decodedBytes).toEqual([used.length]);
    expect([...images.keys()]).toEqual([id(used)]);
    // 1080x1920 video: kept at most 1.5 x 1920 = 2880 wide, proportions kept.
    expect(images.get(id(used))).toMatchObject({ width: 2880, height: 720 });
    expect(log).toEqual([expect.stringMatching(/^The picture "huge\.png" is 20000 x 20000 pixels/)]);
  });
});
