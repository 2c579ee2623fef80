import packageJson from '../../package.json';
import { FfmpegNotFoundError } from '../export/ffmpeg/discover';
import { alignCommand } from './commands/align';
import { benchCommand, benchRunCommand } from './commands/bench';
import { exportCommand } from './commands/export';
import { renderFrameCommand } from './commands/renderFrame';
import { validateCommand } from './commands/validate';
import { EXIT, type ExitCode } from './exitCodes';
import type { CliIo } from './io';
import { parseCommand, type Command } from './parse';
import { COMMAND_HELP, GENERAL_HELP } from './usage';
import { UsageError } from './usageError';

export const VERSION: string = packageJson.version;

/**
 * Runs one `kindness` command and returns its exit code. Never throws: a failure is printed
 * for a creator (the stack trace only with KINDNESS_DEBUG=1).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  try {
    return await run(parseCommand(argv), io);
  } catch (err) {
    if (err instanceof UsageError) {
      const help = err.command !== null ? `kindness ${err.command} --help` : 'kindness --help';
      io.err(`${err.message}\nSee: ${help}\n`);
      return EXIT.usage;
    }
    if (err instanceof FfmpegNotFoundError) {
      io.err(`${err.message}\n`);
      return EXIT.ffmpegNotFound;
    }
    io.err(`Something went wrong: ${err instanceof Error ? err.message : String(err)}\n`);
    if (io.env.KINDNESS_DEBUG === '1' && err instanceof Error && err.stack !== undefined)
      io.err(`${err.stack}\n`);
    else io.err('Run again with KINDNESS_DEBUG=1 to see the details.\n');
    return EXIT.exportFailed;
  }
}

async function run(command: Command, io: CliIo): Promise<ExitCode> {
  switch (command.name) {
    case 'help':
      io.out(command.command === null ? GENERAL_HELP : (COMMAND_HELP[command.command] ?? GENERAL_HELP));
      return EXIT.ok;
    case 'version':
      io.out(`kindness ${VERSION}\n`);
      return EXIT.ok;
    case 'export':
      return exportCommand(command, io);
    case 'validate':
      return validateCommand(command.project, io);
    case 'render-frame':
      return renderFrameCommand(command, io);
    case 'align':
      return alignCommand(command, io);
    case 'bench':
      return benchCommand(command, io);
    case 'bench-run':
      return benchRunCommand(command, io);
  }
}
