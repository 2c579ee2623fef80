/**
 * The scene renderer, for the editor and the exporter alike. The Node backend lives in
 * `./backends/node` (import it only from Node code); the browser one is exported here.
 */
export { createRenderer } from './renderer';
export type { Renderer, RendererOptions } from './renderer';
export type { DecodedImage, ImageSource, MeasureText, RenderBackend } from './backend';
export { browserBackend, loadBrowserFonts } from './backends/browser';
export type { BrowserFontFace } from './backends/browser';
export type { CaptionLayout, CaptionLineBox, CaptionWordBox } from './caption/layout';
export {
  measureCaptionContrast,
  measureCaptionContrastOverTime,
  type MeasuredContrast,
} from './caption/contrast';
export { measureEndCardText, measureProjectEndCard, type RenderedTextMeasure } from './endCardText';
