import { z } from 'zod';
import { SAFETY_REGIONS, type SafetyRegion, type SafetyResource } from '../schema';

/**
 * The safety-resource directory: help lines an end card can name, by region. The app ships a
 * checked list (resources/safety/directory.json); the creator can add entries and correct
 * shipped ones. Their layer is stored apart and merged here, so a shipped entry is never
 * replaced without it showing as "edited by you", and can always be restored.
 */

/** A calendar day, `YYYY-MM-DD`, that really exists (no 2026-02-30). */
export const CheckedOnSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'write the date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'that date does not exist');

export const SafetyEntryIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'an id is lower-case letters, digits and dashes');

export const SafetyEntrySchema = z.object({
  id: SafetyEntryIdSchema,
  region: z.enum(SAFETY_REGIONS),
  name: z.string().trim().min(1, 'give the resource a name').max(120),
  contact: z.string().trim().min(1, 'say how to reach it (number, text code or website)').max(200),
  hours: z.string().trim().max(60).nullable().default(null),
  url: z
    .string()
    .trim()
    .max(300)
    .regex(/^https:\/\/[^\s]+$/, 'the link must start with https://')
    .nullable()
    .default(null),
  /** Where the details were checked: a web address or a short description. */
  source: z.string().trim().min(1, 'say where you checked these details').max(300),
  checkedOn: CheckedOnSchema,
});
export type SafetyEntry = z.infer<typeof SafetyEntrySchema>;
export type SafetyEntryInput = z.input<typeof SafetyEntrySchema>;

/** Most entries a creator can keep in their own layer. */
export const MAX_USER_ENTRIES = 100;

/** The creator's own layer: entries they added, and corrections of shipped ones (same id). */
export const UserSafetyDirectorySchema = z.object({
  version: z.literal(1).default(1),
  entries: z
    .array(SafetyEntrySchema)
    .max(MAX_USER_ENTRIES)
    .refine((list) => new Set(list.map((e) => e.id)).size === list.length, 'two entries have the same id'),
});
export type UserSafetyDirectory = z.infer<typeof UserSafetyDirectorySchema>;

/** The shipped file. */
export const BundledSafetyDirectorySchema = z.object({
  emergencyLine: z.string().min(1),
  resources: z.array(SafetyEntrySchema).min(1),
  cyberbullyingAdvice: z.array(z.string()).default([]),
});
export type BundledSafetyDirectory = z.infer<typeof BundledSafetyDirectorySchema>;

export const SAFETY_ENTRY_ORIGINS = ['bundled', 'edited', 'added'] as const;
export type SafetyEntryOrigin = (typeof SAFETY_ENTRY_ORIGINS)[number];

export const DirectoryEntrySchema = SafetyEntrySchema.extend({
  origin: z.enum(SAFETY_ENTRY_ORIGINS),
  /** For an edited shipped entry: the shipped version, so the creator can compare and restore. */
  shipped: SafetyEntrySchema.nullable(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

const REGION_ORDER: Readonly<Record<SafetyRegion, number>> = { US: 0, UK: 1, CA: 2, global: 3 };

/** Readable names for the region picker. */
export const REGION_NAMES: Readonly<Record<SafetyRegion, string>> = {
  US: 'United States',
  UK: 'United Kingdom',
  CA: 'Canada',
  global: 'Worldwide',
};

function sameDetails(a: SafetyEntry, b: SafetyEntry): boolean {
  return (
    a.region === b.region &&
    a.name === b.name &&
    a.contact === b.contact &&
    a.hours === b.hours &&
    a.url === b.url &&
    a.source === b.source &&
    a.checkedOn === b.checkedOn
  );
}

/**
 * Shipped entries first (each replaced by the creator's correction when there is one, marked
 * "edited"), then the creator's own, grouped by region in picker order.
 */
export function mergeDirectory(
  bundled: readonly SafetyEntry[],
  user: readonly SafetyEntry[],
): DirectoryEntry[] {
  const mine = new Map(user.map((e) => [e.id, e]));
  const merged: DirectoryEntry[] = bundled.map((b) => {
    const own = mine.get(b.id);
    if (own === undefined || sameDetails(own, b)) return { ...b, origin: 'bundled', shipped: null };
    return { ...own, origin: 'edited', shipped: b };
  });
  const shippedIds = new Set(bundled.map((b) => b.id));
  for (const e of user) if (!shippedIds.has(e.id)) merged.push({ ...e, origin: 'added', shipped: null });
  return merged
    .map((e, i) => ({ e, i }))
    .sort((a, b) => REGION_ORDER[a.e.region] - REGION_ORDER[b.e.region] || a.i - b.i)
    .map(({ e }) => e);
}

/** Entries for a card in `region`: that region's own, then the worldwide ones. */
export function entriesForRegion(entries: readonly DirectoryEntry[], region: SafetyRegion): DirectoryEntry[] {
  return entries.filter((e) => e.region === region || (region !== 'global' && e.region === 'global'));
}

/** What the card prints for an entry (the card keeps its own copy, as the schema says). */
export function cardResource(entry: Pick<SafetyEntry, 'name' | 'contact'>): SafetyResource {
  return { name: entry.name.trim(), contact: entry.contact.trim() };
}

/** Whether a card resource is this directory entry (cards store copies, matched by their text). */
export function isSameResource(
  resource: SafetyResource,
  entry: Pick<SafetyEntry, 'name' | 'contact'>,
): boolean {
  return resource.name.trim() === entry.name.trim() && resource.contact.trim() === entry.contact.trim();
}

/** A fresh id for a creator's entry, from its name, unique among `taken`. */
export function newEntryId(name: string, region: SafetyRegion, taken: ReadonlySet<string>): string {
  const slug =
    `${region.toLowerCase()}-${name}`
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56) || 'resource';
  let id = slug;
  for (let n = 2; taken.has(id); n++) id = `${slug}-${n}`;
  return id;
}

/**
 * The creator's layer after they save `entry` (a new one, or a correction of any entry). A
 * correction that matches the shipped entry again drops out of their layer.
 */
export function upsertUserEntry(
  user: readonly SafetyEntry[],
  bundled: readonly SafetyEntry[],
  entry: SafetyEntry,
): SafetyEntry[] {
  const shipped = bundled.find((b) => b.id === entry.id);
  const rest = user.filter((e) => e.id !== entry.id);
  if (shipped !== undefined && sameDetails(shipped, entry)) return rest;
  const at = user.findIndex((e) => e.id === entry.id);
  if (at < 0) return [...rest, entry];
  const next = [...user];
  next[at] = entry;
  return next;
}

/** The creator's layer without `id`: removes their own entry, or restores a shipped one. */
export function removeUserEntry(user: readonly SafetyEntry[], id: string): SafetyEntry[] {
  return user.filter((e) => e.id !== id);
}
