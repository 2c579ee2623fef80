import { createHash } from 'node:crypto';
import { open, type FileHandle } from 'node:fs/promises';
import type { PacketList } from './streamCheck';

/**
 * The packets of a finished MP4 file, stream by stream, as "size md5" (the form ffmpeg's
 * framemd5 lists them in), read from the file's own sample tables: for each track (`trak`, in
 * file order, as ffmpeg numbers its streams), every sample's size (`stsz`), the chunks that hold
 * them (`stco`/`co64`) and how many samples each chunk has (`stsc`). Then each sample's bytes are
 * read where the tables say they are and hashed.
 *
 * Why not ffmpeg: starting ffmpeg to list them cost 0.17 s at the end of every export, with both
 * cores otherwise idle, for 0.06 s of work (verify/streamCheck.ts). This reads the sample's file
 * in a few milliseconds.
 *
 * Throws `Mp4ReadError` on anything it does not understand (no `moov`, a box running past its
 * parent, a table pointing outside the file): the caller then asks ffmpeg instead.
 */
export async function readMp4Packets(file: string): Promise<PacketList> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const moov = await readMoov(handle, size);
    // A fragmented file keeps its samples' tables in fragments after the moov box.
    if (childBoxes(moov, 0, moov.length).some((box) => box.type === 'mvex'))
      throw new Mp4ReadError('the file is fragmented');
    const tracks = childBoxes(moov, 0, moov.length)
      .filter((box) => box.type === 'trak')
      .map((trak) => trackSamples(moov, trak));
    const packets = new Map<number, string[]>();
    tracks.forEach((samples, stream) => packets.set(stream, new Array<string>(samples.length)));
    // Every sample in file order, read through one window of the file at a time.
    const order = tracks.flatMap((samples, stream) =>
      samples.map((sample, index) => ({ ...sample, stream, index })),
    );
    order.sort((a, b) => a.offset - b.offset);
    const reader = new WindowReader(handle, size);
    for (const sample of order) {
      const bytes = await reader.read(sample.offset, sample.size);
      const md5 = createHash('md5').update(bytes).digest('hex');
      (packets.get(sample.stream) as string[])[sample.index] = `${sample.size} ${md5}`;
    }
    return packets;
  } finally {
    await handle.close();
  }
}

export class Mp4ReadError extends Error {
  override readonly name = 'Mp4ReadError';
}

/** A `moov` larger than this is not one we wrote (a ten-minute export's is about 0.5 MB). */
const MAX_MOOV_BYTES = 64 * 1024 * 1024;
/** How much of the file is read at once. */
const WINDOW_BYTES = 4 * 1024 * 1024;

interface Box {
  readonly type: string;
  /** Where its content starts and ends (after its header), in the buffer it was found in. */
  readonly start: number;
  readonly end: number;
}

interface Sample {
  readonly offset: number;
  readonly size: number;
}

/** The top-level `moov` box's content, wherever it is in the file (start or end). */
async function readMoov(handle: FileHandle, fileSize: number): Promise<Buffer> {
  const header = Buffer.alloc(16);
  let at = 0;
  while (at + 8 <= fileSize) {
    const { bytesRead } = await handle.read(header, 0, 16, at);
    if (bytesRead < 8) break;
    let size = header.readUInt32BE(0);
    const type = header.toString('latin1', 4, 8);
    let headerSize = 8;
    if (size === 1) {
      if (bytesRead < 16) throw new Mp4ReadError('a box header is cut short');
      size = Number(header.readBigUInt64BE(8));
      headerSize = 16;
    } else if (size === 0) {
      size = fileSize - at;
    }
    if (size < headerSize || at + size > fileSize)
      throw new Mp4ReadError(`the ${type} box runs past the end of the file`);
    if (type === 'moov') {
      if (size > MAX_MOOV_BYTES) throw new Mp4ReadError('the moov box is too large');
      const moov = Buffer.alloc(size - headerSize);
      const read = await handle.read(moov, 0, moov.length, at + headerSize);
      if (read.bytesRead !== moov.length) throw new Mp4ReadError('the moov box is cut short');
      return moov;
    }
    at += size;
  }
  throw new Mp4ReadError('the file has no moov box');
}

/** The boxes directly inside `[start, end)` of `buffer`. */
function childBoxes(buffer: Buffer, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  let at = start;
  while (at + 8 <= end) {
    let size = buffer.readUInt32BE(at);
    const type = buffer.toString('latin1', at + 4, at + 8);
    let headerSize = 8;
    if (size === 1) {
      if (at + 16 > end) throw new Mp4ReadError(`the ${type} box header is cut short`);
      size = Number(buffer.readBigUInt64BE(at + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < headerSize || at + size > end) throw new Mp4ReadError(`the ${type} box runs past its parent`);
    boxes.push({ type, start: at + headerSize, end: at + size });
    at += size;
  }
  return boxes;
}

/** The one box of `type` inside `parent`; throws when there is none. */
function child(buffer: Buffer, parent: Box, type: string): Box {
  const found = childBoxes(buffer, parent.start, parent.end).find((box) => box.type === type);
  if (found === undefined) throw new Mp4ReadError(`a ${parent.type} box has no ${type} box`);
  return found;
}

/** Every sample of one track, in decoding order: where it is and how large. */
function trackSamples(moov: Buffer, trak: Box): Sample[] {
  const stbl = child(moov, child(moov, child(moov, trak, 'mdia'), 'minf'), 'stbl');
  const boxes = childBoxes(moov, stbl.start, stbl.end);
  const find = (type: string): Box | undefined => boxes.find((box) => box.type === type);
  const sizes = sampleSizes(moov, find('stsz'));
  const chunks = chunkOffsets(moov, find('stco') ?? find('co64'));
  const perChunk = samplesPerChunk(moov, find('stsc'), chunks.length);
  const samples: Sample[] = [];
  for (let chunk = 0; chunk < chunks.length; chunk++) {
    let offset = chunks[chunk] as number;
    for (let k = 0; k < (perChunk[chunk] as number); k++) {
      const size = sizes[samples.length];
      if (size === undefined) throw new Mp4ReadError('the chunks hold more samples than stsz lists');
      samples.push({ offset, size });
      offset += size;
    }
  }
  if (samples.length !== sizes.length) throw new Mp4ReadError('stsz lists samples no chunk holds');
  return samples;
}

/** Full boxes (`stsz`, `stco`, ...) start with a version and flags: 4 bytes. */
function tableStart(
  moov: Buffer,
  box: Box | undefined,
  type: string,
  entryBytes: number,
  headerBytes: number,
) {
  if (box === undefined) throw new Mp4ReadError(`a track has no ${type} box`);
  const count = moov.readUInt32BE(box.start + headerBytes - 4);
  const first = box.start + headerBytes;
  if (first + count * entryBytes > box.end) throw new Mp4ReadError(`the ${type} table runs past its box`);
  return { count, first };
}

function sampleSizes(moov: Buffer, stsz: Box | undefined): number[] {
  if (stsz === undefined) throw new Mp4ReadError('a track has no stsz box');
  const uniform = moov.readUInt32BE(stsz.start + 4);
  const { count, first } = tableStart(moov, stsz, 'stsz', uniform === 0 ? 4 : 0, 12);
  const sizes = new Array<number>(count);
  for (let i = 0; i < count; i++) sizes[i] = uniform !== 0 ? uniform : moov.readUInt32BE(first + i * 4);
  return sizes;
}

function chunkOffsets(moov: Buffer, box: Box | undefined): number[] {
  const wide = box?.type === 'co64';
  const { count, first } = tableStart(moov, box, 'stco', wide ? 8 : 4, 8);
  const offsets = new Array<number>(count);
  for (let i = 0; i < count; i++)
    offsets[i] = wide ? Number(moov.readBigUInt64BE(first + i * 8)) : moov.readUInt32BE(first + i * 4);
  return offsets;
}

/** Samples in each chunk: `stsc` lists runs of chunks (first chunk, 1-based; samples each). */
function samplesPerChunk(moov: Buffer, stsc: Box | undefined, chunks: number): number[] {
  const { count, first } = tableStart(moov, stsc, 'stsc', 12, 8);
  const perChunk = new Array<number>(chunks).fill(0);
  for (let i = 0; i < count; i++) {
    const from = moov.readUInt32BE(first + i * 12) - 1;
    const to = i + 1 < count ? moov.readUInt32BE(first + (i + 1) * 12) - 1 : chunks;
    if (from < 0 || to > chunks || to < from) throw new Mp4ReadError('the stsc table is out of order');
    perChunk.fill(moov.readUInt32BE(first + i * 12 + 4), from, to);
  }
  return perChunk;
}

/** Reads byte ranges of a file in ascending order through one reused window. */
class WindowReader {
  private window = Buffer.alloc(0);
  private windowStart = 0;
  private windowEnd = 0;

  constructor(
    private readonly handle: FileHandle,
    private readonly fileSize: number,
  ) {}

  async read(offset: number, size: number): Promise<Buffer> {
    if (offset < 0 || offset + size > this.fileSize)
      throw new Mp4ReadError('a sample lies outside the file (it is cut short)');
    if (offset < this.windowStart || offset + size > this.windowEnd) {
      const length = Math.min(Math.max(WINDOW_BYTES, size), this.fileSize - offset);
      if (this.window.length < length) this.window = Buffer.alloc(length);
      const { bytesRead } = await this.handle.read(this.window, 0, length, offset);
      if (bytesRead < size) throw new Mp4ReadError('the file is shorter than its tables say');
      this.windowStart = offset;
      this.windowEnd = offset + bytesRead;
    }
    const at = offset - this.windowStart;
    return this.window.subarray(at, at + size);
  }
}
