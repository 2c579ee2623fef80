export {
  LIBRARY,
  LIBRARY_KINDS,
  libraryItem,
  searchLibrary,
  type LibraryItem,
  type LibraryKind,
} from './catalogue';
export { CHARACTER_DESIGNS, buildCharacter, type CharacterDesign, type Point } from './characters';
export { PROP_DESIGNS, type PropCategory, type PropDesign } from './props';
export { STICKER_CREDIT, STICKER_SIZE, TWEMOJI_STICKERS, buildSticker } from './stickers';
export { TWEMOJI_VERSION } from './stickers.generated';
export { idsAvoiding, type IdSource } from './ids';
export {
  MAX_SAVED_ELEMENTS,
  MAX_SAVED_ITEM_BYTES,
  MAX_SAVED_ITEMS,
  MAX_SAVED_NAME,
  MAX_SAVED_PICTURES,
  SAVED_ID_PATTERN,
  SAVED_ITEM_FORMAT,
  SAVED_KINDS,
  SavedItemSchema,
  countElements,
  elementToSave,
  pictureIdsOf,
  sanitizeSavedName,
  savedElementProblem,
  savedItemProblem,
  savedLibraryItem,
  translateElement,
  type SavedBox,
  type SavedItem,
  type SavedItemInput,
  type SavedKind,
} from './saved';
export { ITEM_PREVIEW_KEY, itemPreviewFrame } from './preview';
