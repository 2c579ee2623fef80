import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_PRESET_ID, isOutputPresetId, OUTPUT_PRESET_IDS } from '../export/presets';
import type { AlignArgs } from './commands/align';
import type { ExportArgs } from './commands/export';
import { UsageError } from './usageError';
import { displayName } from '../core/text';

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
      /** Replace an existing file at the output. */
      readonly force: boolean;
    }
  | ({ readonly name: 'align' } & AlignArgs)
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
      readonly jobs: number | 'auto';
    };

export const COMMANDS = ['export', 'validate', 'render-frame', 'align', 'bench'] as const;

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
    case 'align':
      return parseAlign(rest);
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
        jobs: { type: 'string' },
      });
      return {
        name: 'bench-run',
        jobs: jobs('bench', values.jobs),
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
    force: { type: 'boolean', short: 'f' },
    jobs: { type: 'string', short: 'j' },
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
    force: values.force === true,
    jobs: jobs('export', values.jobs),
  };
}

function parseRenderFrame(args: readonly string[]): Command {
  const { values, positionals } = parse('render-frame', args, {
    ...HELP,
    time: { type: 'string', short: 't' },
    output: { type: 'string', short: 'o' },
    force: { type: 'boolean', short: 'f' },
  });
  if (values.help === true) return { name: 'help', command: 'render-frame' };
  return {
    name: 'render-frame',
    project: oneProject('render-frame', positionals),
    time: seconds('render-frame', '--time', values.time) ?? 0,
    output: nonEmptyPath('render-frame', values.output),
    force: values.force === true,
  };
}

function parseAlign(args: readonly string[]): Command {
  const { values, positionals } = parse('align', args, {
    ...HELP,
    audio: { type: 'string', short: 'a' },
    script: { type: 'string', short: 's' },
    output: { type: 'string', short: 'o' },
    json: { type: 'boolean' },
    ffmpeg: { type: 'string' },
  });
  if (values.help === true) return { name: 'help', command: 'align' };
  const project = oneProject('align', positionals);
  const audio = str(values.audio);
  if (audio === undefined || audio.trim() === '')
    throw new UsageError('Which voice? Give the sound file with --audio <file.wav|mp3>.', 'align');
  const output = nonEmptyPath('align', values.output);
  if (output === null)
    throw new UsageError('Where to save? Give the project to write with -o <file.kindness>.', 'align');
  if (!output.toLowerCase().endsWith('.kindness'))
    throw new UsageError(
      `-o must name a .kindness file (the sound is stored inside it), not "${output}".`,
      'align',
    );
  const script = str(values.script);
  if (script !== undefined && script.trim() === '')
    throw new UsageError('--script needs a text file, one caption per line.', 'align');
  const ffmpeg = str(values.ffmpeg);
  if (ffmpeg === '') throw new UsageError('--ffmpeg needs the path of an ffmpeg program.', 'align');
  return {
    name: 'align',
    project,
    audio,
    script: script ?? null,
    output,
    json: values.json === true,
    ffmpeg: ffmpeg ?? null,
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
      args: joinNegativeNumbers(args, options),
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Values, positionals };
  } catch (err) {
    throw new UsageError(usageMessage(err), command);
  }
}

const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * parseArgs reads `--time -1` as the flag followed by another option and says "needs a value";
 * the creator typed a number, so a negative number after a flag that takes a value becomes
 * `--time=-1` and gets the range message from the flag's own check.
 */
function joinNegativeNumbers(args: readonly string[], options: Options): string[] {
  const takesValue = new Set<string>();
  for (const [name, option] of Object.entries(options)) {
    if (option.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (option.short !== undefined) takesValue.add(`-${option.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const next = args[i + 1];
    if (takesValue.has(arg) && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      const long = arg.startsWith('--') ? arg : longName(arg, options);
      out.push(`${long}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function longName(short: string, options: Options): string {
  const entry = Object.entries(options).find(([, o]) => `-${o.short ?? ''}` === short);
  return entry !== undefined ? `--${entry[0]}` : short;
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

/** Seconds as a person writes them: 2, 1.5, .5, 3e1 (a sign is judged by the caller). */
const DECIMAL = /^\s*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?\s*$/;

function seconds(command: string, flag: string, value: Values[string]): number | undefined {
  const s = str(value);
  if (s === undefined) return undefined;
  const n = Number(s);
  // Only decimal numbers: Number() also reads "0x10" as 16 and "0b11" as 3, which no one means as seconds.
  if (!DECIMAL.test(s) || !Number.isFinite(n)) {
    throw new UsageError(`${flag} takes seconds, like 2 or 1.5 (got "${displayName(s)}").`, command);
  }
  if (n < 0) throw new UsageError(`${flag} must be 0 or more seconds (got ${s}).`, command);
  return n;
}

/** The most chunks an export runs at once (each holds a renderer and an ffmpeg). */
const MAX_JOBS = 64;

/** `--jobs N` or `--jobs auto`; absent: auto. */
function jobs(command: string, value: Values[string]): number | 'auto' {
  const s = str(value);
  if (s === undefined || s.trim() === 'auto') return 'auto';
  const n = Number(s);
  if (!/^\s*\d+\s*$/.test(s) || n < 1 || n > MAX_JOBS) {
    throw new UsageError(
      `--jobs takes a whole number from 1 to ${MAX_JOBS}, or auto (got "${displayName(s)}").`,
      command,
    );
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
