import type { Tool } from '../stores/canvasView';
import { createArrowTool } from './arrowTool';
import { createBrushTool } from './brushTool';
import type { CanvasTool, ToolContext } from './canvasTool';
import { createEraserTool } from './eraserTool';
import { createSelectTool } from './selectTool';
import { createShapeTool } from './shapeTool';
import { createTextTool } from './textTool';

export type { CanvasTool, ToolContext, ToolPointer } from './canvasTool';

/** Every canvas tool, one per entry of the tool bar. */
export function createTools(context: ToolContext): Record<Tool, CanvasTool> {
  return {
    select: createSelectTool(context),
    rect: createShapeTool('rect', context),
    ellipse: createShapeTool('ellipse', context),
    star: createShapeTool('star', context),
    bubble: createShapeTool('bubble', context),
    line: createArrowTool(context),
    brush: createBrushTool(context),
    eraser: createEraserTool(context),
    text: createTextTool(context),
  };
}
