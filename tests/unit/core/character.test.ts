import { describe, expect, it } from 'vitest';
import { evaluateElement } from '../../../src/core/frame';
import {
  CHOICE_OPTIONS,
  CHOICE_PROPERTIES,
  EXPRESSIONS,
  VISEMES,
  choiceOptions,
  isChoiceValue,
  type Element,
  type GroupElement,
  type Project,
} from '../../../src/core/schema';
import { loadProject, serializeProject } from '../../../src/core/load';
import { buildCharacter, CHARACTER_DESIGNS, idsAvoiding } from '../../../src/core/library';
import {
  blankProject,
  changeAtTime,
  createHistory,
  keyframeCharacterChoice,
  record,
  setCharacterChoice,
  setKeyframe,
  setMouthTrack,
  undo,
} from '../../../src/core/edit';

const design = must(CHARACTER_DESIGNS[0]);

function projectWithCharacter(): { project: Project; sceneId: string; id: string } {
  const base = blankProject('Characters');
  const scene = must(base.scenes[0]);
  const character = buildCharacter(design, idsAvoiding(new Set([scene.id])), { x: 540, y: 960 });
  return {
    project: { ...base, scenes: [{ ...scene, elements: [character] }] },
    sceneId: scene.id,
    id: character.id,
  };
}

/** Names of the parts that show (visible, at any depth) when the character is evaluated at t. */
function shownParts(el: Element, t: number): Set<string> {
  const names = new Set<string>();
  const walk = (e: Element): void => {
    if (!e.visible) return;
    names.add(e.name);
    if (e.kind === 'group') e.children.forEach(walk);
  };
  walk(evaluateElement(el, t));
  return names;
}

function characterOf(project: Project): GroupElement {
  return must(project.scenes[0]).elements[0] as GroupElement;
}

describe('character expression and mouth', () => {
  it('shows only the parts of the chosen expression and mouth', () => {
    const { project, sceneId, id } = projectWithCharacter();
    const happy = shownParts(characterOf(project), 0);
    expect(happy).toContain('Mouth (happy)');
    expect(happy).toContain('Eye left (smiling)');
    expect(happy).not.toContain('Mouth (sad)');
    expect(happy).not.toContain('Mouth D');

    const sad = setCharacterChoice(project, sceneId, id, 'expression', 'sad');
    const sadParts = shownParts(characterOf(sad), 0);
    expect(sadParts).toContain('Mouth (sad)');
    expect(sadParts).toContain('Tear');
    expect(sadParts).not.toContain('Mouth (happy)');

    const talking = setCharacterChoice(sad, sceneId, id, 'mouth', 'D');
    const talkingParts = shownParts(characterOf(talking), 0);
    expect(talkingParts).toContain('Mouth D');
    expect(talkingParts).not.toContain('Mouth (sad)'); // rest mouths only show at rest
    expect(talkingParts).toContain('Tear'); // the expression still shows around the mouth
  });

  it('a still character is evaluated to the same object every frame (no work for the renderer)', () => {
    const { project } = projectWithCharacter();
    const el = characterOf(project);
    expect(evaluateElement(el, 0.5)).toBe(evaluateElement(el, 3));
  });

  it('keyframed expressions switch at the keyframe and hold (never blend), whatever the easing', () => {
    const { project, sceneId, id } = projectWithCharacter();
    let p = keyframeCharacterChoice(project, sceneId, id, 'expression', 'worried', 1);
    p = keyframeCharacterChoice(p, sceneId, id, 'expression', 'calm', 2);
    p = setKeyframe(p, sceneId, id, 'expression', { time: 1, value: 'worried', easing: 'easeInOutCubic' });
    const el = characterOf(p);
    // The first keyframe after 0 kept the earlier look from the start.
    expect(el.keyframes?.expression?.map((k) => [k.time, k.value])).toEqual([
      [0, 'happy'],
      [1, 'worried'],
      [2, 'calm'],
    ]);
    expect((evaluateElement(el, 0.99) as GroupElement).expression).toBe('happy');
    expect((evaluateElement(el, 1) as GroupElement).expression).toBe('worried');
    expect((evaluateElement(el, 1.5) as GroupElement).expression).toBe('worried');
    expect((evaluateElement(el, 2.5) as GroupElement).expression).toBe('calm');
    expect(shownParts(el, 1.5)).toContain('Sweat drop');
    expect(shownParts(el, 2.5)).not.toContain('Sweat drop');
  });

  it('the inspector edit at the playhead keyframes an animated choice and sets a still one', () => {
    const { project, sceneId, id } = projectWithCharacter();
    const still = changeAtTime(project, sceneId, id, { expression: 'angry' }, 2);
    expect(characterOf(still).expression).toBe('angry');
    expect(characterOf(still).keyframes).toBeUndefined();
    const animated = keyframeCharacterChoice(project, sceneId, id, 'mouth', 'A', 1);
    const next = changeAtTime(animated, sceneId, id, { mouth: 'E' }, 2);
    expect(characterOf(next).keyframes?.mouth?.map((k) => k.value)).toEqual(['rest', 'A', 'E']);
  });

  it('setMouthTrack writes a lip-sync track in one undoable step', () => {
    const { project, sceneId, id } = projectWithCharacter();
    const next = setMouthTrack(project, sceneId, id, [
      { time: 0.6, mouth: 'C' },
      { time: 0.3, mouth: 'A' },
      { time: 0.45, mouth: 'A' },
      { time: 0.9, mouth: 'X' as never }, // not a mouth shape: skipped
      { time: 1.2, mouth: 'rest' },
      { time: 1.2, mouth: 'F' }, // same moment: the later cue wins
    ]);
    expect(characterOf(next).keyframes?.mouth).toEqual([
      { time: 0, value: 'rest', easing: 'hold' },
      { time: 0.3, value: 'A', easing: 'hold' },
      { time: 0.6, value: 'C', easing: 'hold' },
      { time: 1.2, value: 'F', easing: 'hold' },
    ]);
    expect((evaluateElement(characterOf(next), 0.5) as GroupElement).mouth).toBe('A');
    let history = createHistory(project);
    history = record(history, next, { label: 'Lip sync' });
    expect(undo(history).present).toBe(project);
    expect(characterOf(setMouthTrack(next, sceneId, id, [])).keyframes).toBeUndefined();
  });

  it('commands refuse values outside the choices and elements that are not characters', () => {
    const { project, sceneId, id } = projectWithCharacter();
    expect(setCharacterChoice(project, sceneId, id, 'expression', 'bored' as never)).toBe(project);
    const inner = must(characterOf(project).children[0]).id;
    expect(setCharacterChoice(project, sceneId, inner, 'mouth', 'A')).toBe(project);
    expect(isChoiceValue('mouth', 'D')).toBe(true);
    expect(isChoiceValue('expression', 'D')).toBe(false);
  });

  it('exports the choices and labels the inspector lists, in order', () => {
    expect(CHOICE_PROPERTIES).toEqual(['expression', 'mouth']);
    expect(choiceOptions('expression').map((o) => o.value)).toEqual([...EXPRESSIONS]);
    expect(choiceOptions('mouth').map((o) => o.value)).toEqual([...VISEMES]);
    expect(CHOICE_OPTIONS.mouth.label).toBe('Mouth');
    for (const o of [...choiceOptions('expression'), ...choiceOptions('mouth')]) expect(o.label).not.toBe('');
  });

  it('a project with keyframed characters saves and loads back through the real loader unchanged', () => {
    const { project, sceneId, id } = projectWithCharacter();
    const p = setMouthTrack(
      keyframeCharacterChoice(project, sceneId, id, 'expression', 'surprised', 1),
      sceneId,
      id,
      [{ time: 0.2, mouth: 'B' }],
    );
    const result = loadProject(serializeProject(p));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.repairs).toEqual([]);
    expect(result.project.scenes).toEqual(p.scenes);
  });

  it('the loader names a wrong expression at its path', () => {
    const { project } = projectWithCharacter();
    const doc = JSON.parse(serializeProject(project)) as { scenes: { elements: { expression: string }[] }[] };
    must(must(doc.scenes[0]).elements[0]).expression = 'grumpy';
    const result = loadProject(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (!result.ok && result.error.kind === 'invalid') {
      expect(result.error.problems[0]?.path).toBe('scenes[0].elements[0].expression');
    }
  });
});

/** The value, or a failed test when it is missing. */
function must<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}
