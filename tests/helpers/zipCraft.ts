import { crc32, deflateRawSync } from 'node:zlib';

/**
 * Builds zip files byte by byte, including ones no honest zip writer would make (yazl refuses
 * bad names): names that escape the folder, headers that lie about sizes, and so on.
 */
export interface CraftEntry {
  /** Written as is (UTF-8), so it may contain `..`, backslashes or a leading slash. */
  name: string;
  data: Buffer | string;
  /** Deflate the data (method 8) instead of storing it (method 0). Default: store. */
  deflate?: boolean;
  /** The uncompressed size the headers claim; by default the true size. */
  claimedSize?: number;
  /**
   * Unix file mode stored in the external attributes (with "made by Unix"), e.g. 0o120777 for a
   * symbolic link whose data is the link's target. By default none (made by MS-DOS).
   */
  unixMode?: number;
  /**
   * Point this entry's central record at the data of an earlier entry (by index) instead of
   * its own: overlapping entries, the trick of non-recursive zip bombs.
   */
  sharesDataOf?: number;
  /**
   * Data already deflated elsewhere (a stream of hundreds of MB of zeros never held whole):
   * written as a deflated entry of `size` bytes with that CRC; `data` is then ignored.
   */
  predeflated?: { body: Buffer; size: number; crc: number };
}

const UTF8_NAMES = 0x0800;

export function craftZip(entries: readonly CraftEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    offsets.push(offset);
    const name = Buffer.from(entry.name, 'utf8');
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : entry.data;
    const pre = entry.predeflated;
    const body = pre !== undefined ? pre.body : entry.deflate === true ? deflateRawSync(raw) : raw;
    const method = pre !== undefined || entry.deflate === true ? 8 : 0;
    const size = entry.claimedSize ?? pre?.size ?? raw.length;
    const crc = pre !== undefined ? pre.crc >>> 0 : crc32(raw);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10); // time
    local.writeUInt16LE(0x21, 12); // date: 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra length
    locals.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.unixMode === undefined ? 20 : 0x0300 | 20, 4); // version made by (3 = Unix)
    central.writeUInt16LE(20, 6); // version needed
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number and internal attributes: all 0
    if (entry.unixMode !== undefined) central.writeUInt32LE((entry.unixMode << 16) >>> 0, 38);
    const shared = entry.sharesDataOf === undefined ? undefined : offsets[entry.sharesDataOf];
    central.writeUInt32LE(shared ?? offset, 42);
    centrals.push(central, name);

    if (shared !== undefined) {
      locals.pop();
      locals.pop();
      locals.pop(); // its own local record is not written: it reads the earlier entry's data
      continue;
    }
    offset += local.length + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
