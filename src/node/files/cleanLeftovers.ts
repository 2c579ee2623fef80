import { removeStaleReservations } from './reserveNames';
import { removeStaleWriterTemps } from './tempNames';

/**
 * Clears what killed writers left in `folder`: their temp files and reservations, only ours by
 * exact name shape, only once the writing process is gone. Best effort; returns the names removed.
 */
export async function removeStaleLeftovers(folder: string): Promise<string[]> {
  const temps = await removeStaleWriterTemps(folder).catch(() => []);
  const reservations = await removeStaleReservations(folder).catch(() => []);
  return [...temps, ...reservations];
}
