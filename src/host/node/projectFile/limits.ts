const MiB = 1024 * 1024;

/** How much a .kindness file may hold. Counted in real decompressed bytes, never from headers. */
export interface ZipLimits {
  maxEntries: number;
  maxProjectJsonBytes: number;
  maxAssetBytes: number;
  maxTotalBytes: number;
}

export const DEFAULT_LIMITS: Readonly<ZipLimits> = {
  maxEntries: 10_000,
  maxProjectJsonBytes: 32 * MiB,
  maxAssetBytes: 512 * MiB,
  maxTotalBytes: 2048 * MiB,
};

/** "32 MB", "512 MB", "2 GB": sizes as a creator reads them. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * MiB) return `${Math.round((bytes / (1024 * MiB)) * 10) / 10} GB`;
  if (bytes >= MiB) return `${Math.round((bytes / MiB) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
