/**
 * The `kindness` command (bundled to dist/cli/kindness-main.js by scripts/build-cli.mjs, and loaded
 * by its bin, bin.ts).
 * Everything is in runCli; this file only connects it to the process.
 */
import { runCli } from './cli';
import { processIo } from './io';

const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
