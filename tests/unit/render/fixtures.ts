/** Hand-made FrameStates for renderer tests (no evaluate needed). */
import { blankProject } from '../../../src/core/edit';
import { ElementSchema, EndCardSchema } from '../../../src/core/schema';
import type { EndCardTemplate, Project } from '../../../src/core/schema';
import type { Background, Element, ElementInput } from '../../../src/core/schema';
import type { CaptionFrame, FrameState, SceneLayer } from '../../../src/core/frame/frameState';
import { installKonvaNodeBackend } from '../../../src/render/backends/node';
import { createRenderer } from '../../../src/render/renderer';
import type { Renderer, RendererOptions } from '../../../src/render/renderer';

/** An element with the schema's defaults filled in, typed by its kind. */
export function el<I extends ElementInput>(input: I): Extract<Element, { kind: I['kind'] }> {
  return ElementSchema.parse(input) as Extract<Element, { kind: I['kind'] }>;
}

export function solid(color: string): Background {
  return { type: 'solid', color };
}

export function layer(fields: Partial<SceneLayer> = {}): SceneLayer {
  return {
    key: 'scene-1',
    background: solid('#101018'),
    elements: [],
    sceneTime: 0,
    opacity: 1,
    offsetX: 0,
    offsetY: 0,
    clip: null,
    ...fields,
  };
}

export function frame(fields: Partial<FrameState> = {}): FrameState {
  return { time: 0, width: 540, height: 960, fps: 30, layers: [layer()], caption: null, ...fields };
}

export function caption(fields: Partial<CaptionFrame> = {}): CaptionFrame {
  return {
    id: 'cap-1',
    text: 'Be kind today',
    style: 'outline',
    fontFamily: 'Fredoka',
    fontSize: 64,
    position: 'bottom',
    y: null,
    activeWord: -1,
    words: null,
    ...fields,
  };
}

/** A Node renderer; close it with `destroy()`. */
export function nodeRenderer(options: Partial<RendererOptions> = {}): Renderer {
  const backend = installKonvaNodeBackend();
  return createRenderer({ width: 540, height: 960, backend, ...options });
}

/** Draws one frame and returns its pixels. */
export function render(renderer: Renderer, state: FrameState): Uint8Array {
  renderer.draw(state);
  return renderer.readRgba();
}

/** A blank project closing on an end card for the UK, in `template`, with two resources and a handle. */
export function ukEndCardProject(template: EndCardTemplate): Project {
  return {
    ...blankProject(),
    endCard: EndCardSchema.parse({
      template,
      message: 'Behind every account is a real person. Choose kindness.',
      region: 'UK',
      resources: [
        { name: 'Childline', contact: '0800 1111 · childline.org.uk' },
        { name: 'TikTok Safety Center', contact: 'tiktok.com/safety' },
      ],
      handle: 'kindnessstudio',
    }),
  };
}
