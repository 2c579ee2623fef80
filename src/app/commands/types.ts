import { MENU_NAMES, type TEXT_EDITS } from '../../host/contract';
import type { Tool } from '../features/canvas/stores/canvas';

/** The desktop and web menus a command can sit in, in their order on the bar (the shell's contract). */
export { MENU_NAMES };
export type MenuName = (typeof MENU_NAMES)[number];

/** Text edits the desktop shell applies to a focused text field before the page hears of the command. */
export type TextEdit = (typeof TEXT_EDITS)[number];

/**
 * What decides whether a command applies, read from the stores at the moment a key is pressed
 * or a menu opens. Plain data, so `when` is a pure function a unit test can run for every case.
 */
export interface CommandContext {
  /** A project is open in the studio (not the start screen). */
  documentOpen: boolean;
  /** Review mode: watching and commenting, every editing command is off. */
  review: boolean;
  /** The playhead shows the selected scene and nothing plays, so canvas edits land where they show. */
  editable: boolean;
  /** How many canvas elements are selected. */
  selection: number;
  tool: Tool;
  /** A drawing layer takes the brush (the drawing bar shows). */
  drawingLayer: boolean;
  /** A scene is selected in the storyboard. */
  sceneSelected: boolean;
}

/**
 * One user command, declared once: the keyboard, the desktop menu, the web menu, tooltips and
 * the command palette are all generated from these.
 */
export interface Command {
  /** `area.name`, stable: the desktop menu sends it back to the page. */
  id: string;
  /** Title Case, as menus and the palette show it ("Save As…"). */
  label: string;
  /** Key combinations in the registry's spelling (keys.ts), the first one shown in tooltips. */
  keys?: readonly string[];
  /** When the command applies; always when left out. */
  when?: (ctx: CommandContext) => boolean;
  /** What it does (a returned promise is not awaited: the studio reports its own failures). */
  run: (ctx: CommandContext) => unknown;
  /** Where it sits in the menus; `group`s are parted by separators. */
  menu?: { name: MenuName; group: number };
  /** Its keys also work while typing in a text field (Ctrl+S saves from the title field). */
  inFields?: boolean;
  /** Left out of the palette (arrow-key nudges only make sense held down). */
  hidden?: boolean;
  /** The browser's own event carries the key (Ctrl+V fires `paste`): shown, never consumed. */
  nativeKey?: boolean;
  /** The desktop menu applies this edit to a focused text field first, and the page then ignores it. */
  textEdit?: TextEdit;
}
