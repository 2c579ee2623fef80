import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_PRESET_ID, isOutputPresetId, OUTPUT_PRESET_IDS } from '../export/presets';
import type { ExportArgs } from './commands/export';
import { UsageError } from './usageError';

export type Command =
  | { readonly name: 'help'; readonly command: string | null }
  | { readonly name: 'version' }
  | ({ readonly name: 'export' } & ExportArgs)
  | { readonly name: 'validate'; readonly project: string }
  | {
      readonly name: 'render-frame';
      readonly project: string;
      readonly time: number;
      readonly output: string | null;
    }
  | {
      readonly name: 'bench';
      readonly keep: boolean;
      /** Also a 10 min project, to check that memory stays flat. */
      readonly long: boolean;
      /** Only the sample and the 15 s project, no batch (a busy machine). */
      readonly quick?: boolean;
      /** The sample project measured beside the generated ones (null: the bundled sample). */
      readonly project: string | null;
    }
  /** Internal: one benchmark export in a fresh process (peak memory is per process). */
  | {
      readonly name: 'bench-run';
      readonly seconds: number;
      /** A project file to export instead of a generated project of `seconds`. */
      readonly project: string | null;
      readonly dir: string;
      readonly ffmpeg: string | null;
      /** TikTok, Reels and Shorts in one batch instead of one TikTok export. */
      readonly batch?: boolean;
    };

export const COMMANDS = ['export', 'validate', 'render-frame', 'bench'] as const;

type Options = NonNullable<ParseArgsConfig['options']>;
const HELP: Options = { help: { type: 'boolean', short: 'h' } };

/** Reads the command line (without `node` and the script). Throws UsageError. */
export function parseCommand(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? (rest[0] ?? null) : null;
    if (topic !== null && !isCommand(topic)) throw new UsageError(`There is no command "${topic}".`);
    return { name: 'help', command: topic };
  }
  if (first === '--version' || first === '-v' || first === '-V') return { name: 'version' };
  if (first.startsWith('-'))
    throw new UsageError(`Unknown option ${first}. Start with a command, e.g. kindness export.`);

  switch (first) {
    case 'export':
      return parseExport(rest);
    case 'validate': {
      const { values, positionals } = parse('validate', rest, HELP);
      if (values.help === true) return { name: 'help', command: 'validate' };
      return { name: 'validate', project: oneProject('validate', positionals) };
    }
    case 'render-frame':
      return parseRenderFrame(rest);
    case 'bench': {
      const { values, positionals } = parse('bench', rest, {
        ...HELP,
        keep: { type: 'boolean' },
        long: { type: 'boolean' },
        quick: { type: 'boolean' },
        project: { type: 'string' },
      });
      if (values.help === true) return { name: 'help', command: 'bench' };
      noPositionals('bench', positionals);
      return {
        name: 'bench',
        keep: values.keep === true,
        long: values.long === true,
        ...(values.quick === true ? { quick: true } : {}),
        project: str(values.project) ?? null,
      };
    }
    case 'bench-run': {
      const { values } = parse('bench', rest, {
        seconds: { type: 'string' },
        dir: { type: 'string' },
        ffmpeg: { type: 'string' },
        batch: { type: 'boolean' },
        project: { type: 'string' },
      });
      return {
        name: 'bench-run',
        ...(values.batch === true ? { batch: true } : {}),
        seconds: seconds('bench', '--seconds', values.seconds) ?? 15,
        project: typeof values.project === 'string' ? values.project : null,
        dir: typeof values.dir === 'string' ? values.dir : '.',
        ffmpeg: typeof values.ffmpeg === 'string' ? values.ffmpeg : null,
      };
    }
    default:
      throw new UsageError(`There is no command "${first}". The commands are: ${COMMANDS.join(', ')}.`);
  }
}

function isCommand(name: string): boolean {
  return (COMMANDS as readonly string[]).includes(name);
}

function parseExport(args: readonly string[]): Command {
  const { values, positionals } = parse('export', args, {
    ...HELP,
    output: { type: 'string', short: 'o' },
    preset: { type: 'string', short: 'p' },
    from: { type: 'string' },
    to: { type: 'string' },
    ffmpeg: { type: 'string' },
    'no-sidecars': { type: 'boolean' },
  });
  if (values.help === true) return { name: 'help', command: 'export' };
  const presetName = str(values.preset) ?? DEFAULT_PRESET_ID;
  if (!isOutputPresetId(presetName)) {
    throw new UsageError(
      `There is no preset "${presetName}". Choose one of: ${OUTPUT_PRESET_IDS.join(', ')}.`,
      'export',
    );
  }
  const from = seconds('export', '--from', values.from);
  const to = seconds('export', '--to', values.to);
  if (from !== undefined && to !== undefined && to <= from) {
    throw new UsageError(`--to (${to}) must be after --from (${from}).`, 'export');
  }
  const ffmpeg = str(values.ffmpeg);
  if (ffmpeg === '') throw new UsageError('--ffmpeg needs the path of an ffmpeg program.', 'export');
  return {
    name: 'export',
    project: oneProject('export', positionals),
    output: nonEmptyPath('export', values.output),
    preset: presetName,
    from,
    to,
    ffmpeg: ffmpeg ?? null,
    sidecars: values['no-sidecars'] !== true,
  };
}

function parseRenderFrame(args: readonly string[]): Command {
  const { values, positionals } = parse('render-frame', args, {
    ...HELP,
    time: { type: 'string', short: 't' },
    output: { type: 'string', short: 'o' },
  });
  if (values.help === true) return { name: 'help', command: 'render-frame' };
  return {
    name: 'render-frame',
    project: oneProject('render-frame', positionals),
    time: seconds('render-frame', '--time', values.time) ?? 0,
    output: nonEmptyPath('render-frame', values.output),
  };
}

type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

function parse(
  command: string,
  args: readonly string[],
  options: Options,
): { values: Values; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (err) {
    throw new UsageError(usageMessage(err), command);
  }
}

/** parseArgs messages are for programmers ("Unknown option '--x'. To specify a positional ..."). */
function usageMessage(err: unknown): string {
  const code = (err as { code?: string }).code;
  const message = err instanceof Error ? err.message : String(err);
  const option = /'(-[^']*)'/.exec(message)?.[1];
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${option ?? message}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // Node names the option as `-o, --output <value>`.
      return option !== undefined ? `${option.replace(/ <value>$/, '')} needs a value.` : message;
    default:
      return message;
  }
}

function str(value: Values[string]): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function nonEmptyPath(command: string, value: Values[string]): string | null {
  const s = str(value);
  if (s === undefined) return null;
  if (s.trim() === '') throw new UsageError('-o/--output needs a file name.', command);
  return s;
}

function seconds(command: string, flag: string, value: Values[string]): number | undefined {
  const s = str(value);
  if (s === undefined) return undefined;
  const n = Number(s);
  if (s.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new UsageError(`${flag} takes seconds, like 2 or 1.5 (got "${s}").`, command);
  }
  return n;
}

function oneProject(command: string, positionals: readonly string[]): string {
  if (positionals.length === 0) throw new UsageError('Which project? Give the project file.', command);
  if (positionals.length > 1) {
    throw new UsageError(
      `Give one project file (got ${positionals.length}: ${positionals.join(', ')}).`,
      command,
    );
  }
  return positionals[0] as string;
}

function noPositionals(command: string, positionals: readonly string[]): void {
  if (positionals.length > 0) throw new UsageError(`Unexpected: ${positionals.join(' ')}.`, command);
}
