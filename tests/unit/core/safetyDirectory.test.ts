import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BundledSafetyDirectorySchema,
  entriesForRegion,
  mergeDirectory,
  newEntryId,
  removeUserEntry,
  SafetyEntrySchema,
  upsertUserEntry,
  UserSafetyDirectorySchema,
  type SafetyEntry,
} from '../../../src/core/safety';

const SHIPPED = BundledSafetyDirectorySchema.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/safety/directory.json'), 'utf8')),
);

const mine: SafetyEntry = SafetyEntrySchema.parse({
  id: 'uk-my-helpline',
  region: 'UK',
  name: 'My school helpline',
  contact: '01234 567890',
  source: 'school newsletter, November',
  checkedOn: '2026-11-20',
});

describe('the shipped safety directory', () => {
  it('has every resource of PLATFORM_SPECS.md, each with a source and a checked-on date', () => {
    const expected: [string, string, RegExp][] = [
      ['US', '988 Suicide & Crisis Lifeline', /988/],
      ['US', 'Crisis Text Line', /HOME to 741741/],
      ['US', 'StopBullying.gov', /stopbullying\.gov/],
      ['UK', 'Childline', /0800 1111/],
      ['CA', 'Kids Help Phone', /1-800-668-6868.*CONNECT to 686868/],
      ['global', 'TikTok Safety Center', /tiktok\.com\/safety/],
    ];
    for (const [region, name, contact] of expected) {
      const entry = SHIPPED.resources.find((r) => r.name === name);
      expect(entry, name).toBeDefined();
      expect(entry?.region).toBe(region);
      expect(entry?.contact).toMatch(contact);
      expect(entry?.source).not.toBe('');
      expect(entry?.checkedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Nothing unverified: the shipped list is exactly the resources of the specs.
    expect(SHIPPED.resources).toHaveLength(expected.length);
    expect(SHIPPED.emergencyLine).toBe('If you are in immediate danger, call your local emergency number.');
  });
});

describe('safety entries', () => {
  it('refuse what a card must not print, with a plain reason', () => {
    const bad = (patch: Partial<Record<keyof SafetyEntry, unknown>>) =>
      SafetyEntrySchema.safeParse({ ...mine, ...patch });
    expect(bad({ checkedOn: '2026-02-30' }).error?.issues[0]?.message).toBe('that date does not exist');
    expect(bad({ checkedOn: '25/11/2026' }).error?.issues[0]?.message).toBe('write the date as YYYY-MM-DD');
    expect(bad({ source: '  ' }).error?.issues[0]?.message).toBe('say where you checked these details');
    expect(bad({ url: 'http://example.org' }).error?.issues[0]?.message).toBe(
      'the link must start with https://',
    );
    expect(bad({ name: '' }).success).toBe(false);
    expect(bad({ region: 'FR' }).success).toBe(false);
  });

  it('a saved layer may not hold the same id twice', () => {
    expect(UserSafetyDirectorySchema.safeParse({ entries: [mine, mine] }).success).toBe(false);
  });
});

describe('mergeDirectory', () => {
  it('keeps every shipped entry and adds the creator’s own in region order', () => {
    const merged = mergeDirectory(SHIPPED.resources, [mine]);
    expect(merged).toHaveLength(SHIPPED.resources.length + 1);
    expect(merged.map((e) => e.region)).toEqual(['US', 'US', 'US', 'UK', 'UK', 'CA', 'global']);
    expect(merged.find((e) => e.id === mine.id)?.origin).toBe('added');
    expect(merged.filter((e) => e.origin === 'bundled')).toHaveLength(SHIPPED.resources.length);
  });

  it('shows a correction of a shipped entry as edited, with the shipped version kept', () => {
    const childline = SHIPPED.resources.find((r) => r.id === 'uk-childline') as SafetyEntry;
    const corrected = {
      ...childline,
      contact: '0800 1111 · childline.org.uk · 1-2-1 chat',
      checkedOn: '2026-12-01',
    };
    const merged = mergeDirectory(SHIPPED.resources, [corrected]);
    const entry = merged.find((e) => e.id === 'uk-childline');
    expect(entry).toMatchObject({ origin: 'edited', contact: corrected.contact, shipped: childline });
    expect(merged).toHaveLength(SHIPPED.resources.length);
  });

  it('upsert and remove edit only the creator’s layer; restoring drops the correction', () => {
    const childline = SHIPPED.resources.find((r) => r.id === 'uk-childline') as SafetyEntry;
    let layer = upsertUserEntry([], SHIPPED.resources, mine);
    layer = upsertUserEntry(layer, SHIPPED.resources, { ...childline, hours: '24/7' });
    expect(layer.map((e) => e.id)).toEqual(['uk-my-helpline', 'uk-childline']);
    // Saving the shipped details again is the same as restoring them.
    expect(upsertUserEntry(layer, SHIPPED.resources, childline).map((e) => e.id)).toEqual(['uk-my-helpline']);
    expect(removeUserEntry(layer, 'uk-my-helpline').map((e) => e.id)).toEqual(['uk-childline']);
    const merged = mergeDirectory(SHIPPED.resources, removeUserEntry(layer, 'uk-childline'));
    expect(merged.find((e) => e.id === 'uk-childline')?.origin).toBe('bundled');
  });

  it('a region shows its own entries and the worldwide ones', () => {
    const merged = mergeDirectory(SHIPPED.resources, [mine]);
    expect(entriesForRegion(merged, 'UK').map((e) => e.name)).toEqual([
      'Childline',
      'My school helpline',
      'TikTok Safety Center',
    ]);
    expect(entriesForRegion(merged, 'global').map((e) => e.name)).toEqual(['TikTok Safety Center']);
  });

  it('new ids are readable and unique', () => {
    expect(newEntryId('Mind (Charity)', 'UK', new Set())).toBe('uk-mind-charity');
    expect(newEntryId('Mind', 'UK', new Set(['uk-mind']))).toBe('uk-mind-2');
    expect(newEntryId('!!!', 'global', new Set())).toBe('global');
  });
});
