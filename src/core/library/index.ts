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
