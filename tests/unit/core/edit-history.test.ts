import { describe, expect, it } from 'vitest';
import {
  addScene,
  blankProject,
  canRedo,
  canUndo,
  createHistory,
  record,
  redo,
  redoLabel,
  seal,
  undo,
  undoLabel,
  updateScene,
} from '../../../src/core/edit';

const sceneOf = (h: ReturnType<typeof createHistory>) => h.present.scenes[0];

describe('history', () => {
  it('undoes and redoes edits in order', () => {
    const start = blankProject();
    let h = createHistory(start);
    const one = addScene(h.present).project;
    h = record(h, one, { label: 'Add scene' });
    const two = updateScene(h.present, 'scene-1', { name: 'Hello' });
    h = record(h, two, { label: 'Rename scene' });

    expect(undoLabel(h)).toBe('Rename scene');
    h = undo(h);
    expect(h.present).toBe(one);
    expect(redoLabel(h)).toBe('Rename scene');
    h = undo(h);
    expect(h.present).toBe(start);
    expect(canUndo(h)).toBe(false);
    h = redo(redo(h));
    expect(h.present).toBe(two);
    expect(canRedo(h)).toBe(false);
  });

  it('a new edit after undo drops the redo steps', () => {
    let h = createHistory(blankProject());
    h = record(h, addScene(h.present).project, { label: 'Add scene' });
    h = undo(h);
    h = record(h, updateScene(h.present, 'scene-1', { name: 'Other' }), { label: 'Rename scene' });
    expect(canRedo(h)).toBe(false);
  });

  it('keeps at least 200 steps', () => {
    let h = createHistory(blankProject());
    for (let i = 1; i <= 250; i++) {
      h = record(h, updateScene(h.present, 'scene-1', { duration: 1 + i / 10 }), { label: 'Set duration' });
    }
    let steps = 0;
    while (canUndo(h)) {
      h = undo(h);
      steps++;
    }
    expect(steps).toBeGreaterThanOrEqual(200);
  });

  it('merges a drag into one step, and a sealed drag is its own step', () => {
    let h = createHistory(blankProject());
    for (const duration of [4, 5, 6]) {
      h = record(h, updateScene(h.present, 'scene-1', { duration }), {
        label: 'Set duration',
        coalesce: 'drag',
      });
    }
    h = seal(h);
    h = record(h, updateScene(h.present, 'scene-1', { duration: 8 }), {
      label: 'Set duration',
      coalesce: 'drag',
    });
    expect(sceneOf(h)?.duration).toBe(8);
    h = undo(h);
    expect(sceneOf(h)?.duration).toBe(6);
    h = undo(h);
    expect(sceneOf(h)?.duration).toBe(3);
    expect(canUndo(h)).toBe(false);
  });

  it('an edit that changes nothing is not a step', () => {
    const h = createHistory(blankProject());
    expect(record(h, h.present, { label: 'Nothing' })).toBe(h);
  });
});
