/**
 * The `kindness` command (bundled to dist/cli/kindness.js by scripts/build-cli.mjs).
 * Everything is in runCli; this file only connects it to the process.
 */
import { runCli } from './cli';
import { processIo } from './io';

const code = await runCli(process.argv.slice(2), processIo());
process.exitCode = code;
