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
  withdraw,
  type History,
  type RecordOptions,
} from './history';
export {
  MAX_END_CARD_DURATION,
  MAX_END_CARD_HANDLE,
  MAX_END_CARD_MESSAGE,
  MIN_END_CARD_DURATION,
  endCardOf,
  replaceEndCardResource,
  setEndCardRegion,
  toggleEndCardResource,
  updateEndCard,
  type EndCardPatch,
} from './endCard';
export { MAX_POST_CAPTION, MAX_POST_HASHTAGS, addHashtag, removeHashtag, setPostCaption } from './post';
export {
  DEFAULT_CAPTION_LENGTH,
  MAX_CAPTION_TEXT,
  MIN_CAPTION_LENGTH,
  MIN_WORD_LENGTH,
  addCaption,
  captionWords,
  clearWordTimings,
  deleteCaption,
  evenWordTimings,
  findCaption,
  importCaptions,
  placeAppended,
  mergeCaptionWithNext,
  moveCaption,
  retimeCaption,
  setCaptionSettings,
  setCaptionStyle,
  setCaptionText,
  setWordStart,
  splitCaption,
  timeWordsEvenly,
  type AddedCaption,
} from './captions';
export { captionFixFor, secondsToRead, type CaptionFix } from './captionFixes';
export { applyAlignment, type ApplyAlignmentOptions } from './alignCaptions';
export {
  MAX_AUDIO_FADE,
  MAX_AUDIO_TRACKS,
  MAX_AUDIO_VOLUME,
  MIN_AUDIO_CLIP,
  addAudioTrack,
  deleteAudioTrack,
  findAudioTrack,
  moveAudioTrack,
  renameAudioTrack,
  setAudioFades,
  setAudioMuted,
  setAudioVolume,
  trimAudioEnd,
  trimAudioStart,
  type AddedAudioTrack,
  type NewAudioTrack,
} from './audio';
export { punchInAudio, type PunchInInput, type PunchInRange } from './punchIn';
export {
  DEFAULT_HOLD,
  MAX_DRAWING_FRAMES,
  MAX_HOLD,
  addStrokeAt,
  deleteDrawingFrame,
  drawingFrameAtPosition,
  drawingFrameStarts,
  drawingLength,
  eraseDrawingFrame,
  insertDrawingFrame,
  setDrawingFrameHold,
  tidyStroke,
  type DrawingEraseResult,
} from './drawing';
export { changeAtTime, changeManyAtTime } from './atTime';
export {
  deleteElements,
  duplicateElements,
  pasteElements,
  reorderElements,
  type ReorderMove,
  type AddedElements,
} from './selection';
export { keyframeCharacterChoice, setCharacterChoice, setMouthTrack, type MouthCue } from './character';
export { frameCentre, insertItem, insertLibraryItem } from './library';
export { DARK_INK, LIGHT_INK, inkOn } from './ink';
