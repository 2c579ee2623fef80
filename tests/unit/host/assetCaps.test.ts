import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, createHostClient, type Host } from '../../../src/host/contract';
import { createNodeHostHandlers } from '../../../src/host/node/host';
import { doc } from '../../helpers/looseDoc';
import { craftZip } from '../../helpers/zipCraft';

/**
 * A project may hold files of up to 512 MB. The two places that read one whole stop short of
 * that: the page's preview of a file (sent as base64, about 2.3 times its size in the host while
 * it is made) and the decode of a picture (read before its pixels can be counted). Past their
 * caps the studio says so, and the host keeps its memory budget (issue 10).
 */
const MB = 1024 * 1024;
let dir: string;
let path: string;
let soundId: string;

const idOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kindness-asset-caps-'));
  await mkdir(join(dir, 'workspace'));
  // Zeros deflate to almost nothing: the file on disk stays small.
  const sound = Buffer.concat([Buffer.from('RIFF\0\0\0\0WAVE'), Buffer.alloc(60 * MB)]);
  const picture = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(101 * MB)]);
  soundId = idOf(sound);
  const pictureId = idOf(picture);
  const json = doc((d) => {
    d.assets = {
      [soundId]: { kind: 'audio', name: 'long.wav', mime: 'audio/wav', size: sound.length, duration: 300 },
      [pictureId]: { kind: 'image', name: 'padded.png', mime: 'image/png', size: picture.length },
    };
    d.audio = [{ id: 'a1', assetId: soundId }];
    d.scenes[0].elements.push({ id: 'p1', kind: 'image', assetId: pictureId, width: 100, height: 100 });
  });
  path = join(dir, 'workspace', 'big.kindness');
  await writeFile(
    path,
    craftZip([
      { name: 'project.json', data: JSON.stringify(json) },
      { name: `assets/${soundId}`, data: sound, deflate: true },
      { name: `assets/${pictureId}`, data: picture, deflate: true },
    ]),
  );
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function startHost(): Promise<Host> {
  const handlers = await createNodeHostHandlers({
    folders: [join(dir, 'workspace')],
    dataDir: join(dir, 'data'),
    templatesDir: join(process.cwd(), 'resources', 'samples'),
    version: '0.0.1',
    shell: 'web',
  });
  const dispatch = createDispatcher(handlers);
  return createHostClient((channel, request) => dispatch(channel, request));
}

describe('files too large to read whole', () => {
  it('a picture file over 100 MB is named at open and never decoded; a sound over 50 MB is not sent to the page', async () => {
    const host = await startHost();
    const opened = await host.openProject({ path });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    expect(opened.repairs.map((r) => r.message).join('\n')).toMatch(
      /"padded\.png" is a 101 MB file, more than the 100 MB the studio reads for a picture/,
    );
    const read = await host.readAsset({ docId: opened.docId, assetId: soundId });
    expect(read).toMatchObject({ ok: false, error: { kind: 'too-large' } });
    if (!read.ok) expect(read.error.message).toMatch(/the export uses it/);
    await host.closeDocument({ docId: opened.docId });
  }, 120_000);
});
