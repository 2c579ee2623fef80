/**
 * The `kindness` command's first module (bundled to dist/cli/kindness.js, the package's bin).
 *
 * It puts into the environment what the renderer's allocator must find when its native module is
 * loaded (export/pipeline/canvasAllocator.ts), then loads the command line itself (main.ts,
 * bundled to kindness-main.js beside it). An ES module loads everything it imports before any of
 * its own code runs, so main.ts could not do this itself.
 */
import { useCanvasAllocatorSetting } from '../export/pipeline/canvasAllocator';

useCanvasAllocatorSetting();
// A name held in a variable: the bundler leaves the import to run time, beside this file.
const commandLine = './kindness-main.js';
await import(commandLine);
