import type { CommandContext } from './types';

/** Shared `when`s: the studio is open for editing (not review mode, not the start screen). */
export const editing = (ctx: CommandContext): boolean => ctx.documentOpen && !ctx.review;
/** Editing, and the canvas shows the selected scene at the playhead. */
export const onCanvas = (ctx: CommandContext): boolean => editing(ctx) && ctx.editable;
/** Editing with at least one element selected. */
export const withSelection = (ctx: CommandContext): boolean => editing(ctx) && ctx.selection > 0;
/** Review mode of an open project. */
export const reviewing = (ctx: CommandContext): boolean => ctx.documentOpen && ctx.review;
