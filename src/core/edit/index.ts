export { blankProject, blankScene } from './blank';
export { MAX_TITLE_LENGTH, setTitle } from './project';
export { setAsset } from './assets';
export { nextId, usedIds } from './ids';
export {
  MAX_SCENES,
  MAX_SCENE_DURATION,
  MAX_TRANSITION_DURATION,
  MIN_SCENE_DURATION,
  addScene,
  deleteScene,
  duplicateScene,
  moveScene,
  pasteScene,
  sceneIndex,
  updateScene,
  type AddedScene,
  type ScenePatch,
} from './scenes';
export {
  addElement,
  changeElement,
  copyElementsWithNewIds,
  deleteElement,
  findElement,
  reorderElement,
  updateElement,
  type AddedElement,
  type ElementPatch,
} from './elements';
export {
  deleteKeyframe,
  deleteKeyframesAt,
  keyframeTimes,
  moveKeyframe,
  moveKeyframesAt,
  setKeyframe,
  setKeyframeEasingAt,
  type KeyframeInput,
} from './keyframes';
export {
  DEFAULT_HISTORY_LIMIT,
  canRedo,
  canUndo,
  createHistory,
  record,
  redo,
  redoLabel,
  seal,
  undo,
  undoLabel,
  type History,
  type RecordOptions,
} from './history';
export { changeAtTime, changeManyAtTime } from './atTime';
export {
  deleteElements,
  duplicateElements,
  pasteElements,
  reorderElements,
  type ReorderMove,
  type AddedElements,
} from './selection';
