import {
  EndCardSchema,
  MAX_END_CARD_RESOURCES,
  type EndCard,
  type Project,
  type SafetyRegion,
  type SafetyResource,
} from '../schema';

/**
 * End-card commands. Each returns a new Project (the same one when nothing changes), so every
 * edit in the end-card editor is one undoable step through the document store.
 */

export const MIN_END_CARD_DURATION = 1;
export const MAX_END_CARD_DURATION = 30;
export const MAX_END_CARD_MESSAGE = 300;
export const MAX_END_CARD_HANDLE = 60;

export type EndCardPatch = Partial<
  Pick<EndCard, 'enabled' | 'template' | 'message' | 'handle' | 'duration' | 'avatar'>
>;

/** The project's card, or a new one with the defaults (switched off until the creator turns it on). */
export function endCardOf(project: Project): EndCard {
  return project.endCard ?? EndCardSchema.parse({ enabled: false });
}

function sameResources(a: readonly SafetyResource[], b: readonly SafetyResource[]): boolean {
  return a.length === b.length && a.every((r, i) => r.name === b[i]?.name && r.contact === b[i]?.contact);
}

function withCard(project: Project, next: EndCard): Project {
  const current = project.endCard;
  if (
    current !== undefined &&
    current.enabled === next.enabled &&
    current.template === next.template &&
    current.message === next.message &&
    current.region === next.region &&
    current.handle === next.handle &&
    current.duration === next.duration &&
    current.avatar === next.avatar &&
    sameResources(current.resources, next.resources)
  ) {
    return project;
  }
  return { ...project, endCard: next };
}

/** Changes the card's settings; values are kept inside what the file format allows. */
export function updateEndCard(project: Project, patch: EndCardPatch): Project {
  const card = endCardOf(project);
  const next: EndCard = { ...card, ...patch };
  if (patch.message !== undefined) next.message = patch.message.slice(0, MAX_END_CARD_MESSAGE);
  if (patch.handle !== undefined)
    next.handle = patch.handle.replace(/\s+/g, '').slice(0, MAX_END_CARD_HANDLE);
  if (patch.duration !== undefined) {
    const d = Number.isFinite(patch.duration) ? patch.duration : card.duration;
    next.duration = Math.min(MAX_END_CARD_DURATION, Math.max(MIN_END_CARD_DURATION, Math.round(d * 10) / 10));
  }
  return withCard(project, next);
}

/**
 * Picks a region and the resources shown for it (the directory's entries the creator chose),
 * at most `MAX_END_CARD_RESOURCES`.
 */
export function setEndCardRegion(
  project: Project,
  region: SafetyRegion,
  resources: readonly SafetyResource[],
): Project {
  const card = endCardOf(project);
  return withCard(project, {
    ...card,
    region,
    resources: resources.slice(0, MAX_END_CARD_RESOURCES).map((r) => ({ ...r })),
  });
}

/** Adds a resource to the card (at the end), or takes it off when it is already there. */
export function toggleEndCardResource(project: Project, resource: SafetyResource): Project {
  const card = endCardOf(project);
  const at = card.resources.findIndex((r) => r.name === resource.name && r.contact === resource.contact);
  if (at >= 0) return withCard(project, { ...card, resources: card.resources.filter((_, i) => i !== at) });
  if (card.resources.length >= MAX_END_CARD_RESOURCES) return project;
  return withCard(project, { ...card, resources: [...card.resources, { ...resource }] });
}

/** Puts `next` where `previous` is on the card (a corrected directory entry), keeping the order. */
export function replaceEndCardResource(
  project: Project,
  previous: SafetyResource,
  next: SafetyResource,
): Project {
  const card = endCardOf(project);
  const at = card.resources.findIndex((r) => r.name === previous.name && r.contact === previous.contact);
  if (at < 0) return project;
  const resources = card.resources.map((r, i) => (i === at ? { name: next.name, contact: next.contact } : r));
  return withCard(project, { ...card, resources });
}
