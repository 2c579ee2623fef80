import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/cli/parse';
import { UsageError } from '../../../src/cli/usageError';

function usageError(argv: string[]): UsageError {
  try {
    parseCommand(argv);
  } catch (err) {
    if (err instanceof UsageError) return err;
    throw err;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('reading the command line', () => {
  it('reads the GIF preset', () => {
    expect(parseCommand(['export', 'p.kindness', '-p', 'gif'])).toMatchObject({
      name: 'export',
      preset: 'gif',
    });
  });

  it('reads an export with every option', () => {
    expect(
      parseCommand([
        'export',
        'p.kindness',
        '-o',
        'out/v.mp4',
        '--preset',
        'shorts',
        '--from',
        '1.5',
        '--to',
        '9',
        '--ffmpeg',
        '/opt/ffmpeg',
        '--no-sidecars',
      ]),
    ).toEqual({
      name: 'export',
      project: 'p.kindness',
      output: 'out/v.mp4',
      preset: 'shorts',
      from: 1.5,
      to: 9,
      ffmpeg: '/opt/ffmpeg',
      sidecars: false,
      force: false,
      jobs: 'auto',
    });
  });

  it('defaults an export to TikTok, the whole video, sidecars on, output chosen later', () => {
    expect(parseCommand(['export', 'p.json'])).toEqual({
      name: 'export',
      project: 'p.json',
      output: null,
      preset: 'tiktok',
      from: undefined,
      to: undefined,
      ffmpeg: null,
      sidecars: true,
      force: false,
      jobs: 'auto',
    });
  });

  it('reads --jobs as a number of chunks or auto, and refuses anything else', () => {
    expect(parseCommand(['export', 'p.json', '--jobs', '3'])).toMatchObject({ jobs: 3 });
    expect(parseCommand(['export', 'p.json', '-j', '1'])).toMatchObject({ jobs: 1 });
    expect(parseCommand(['export', 'p.json', '--jobs', 'auto'])).toMatchObject({ jobs: 'auto' });
    for (const bad of ['0', '2.5', 'many', '65']) {
      expect(usageError(['export', 'p.json', '--jobs', bad]).message).toBe(
        `--jobs takes a whole number from 1 to 64, or auto (got "${bad}").`,
      );
    }
  });

  it('reads validate, render-frame, bench, help and version', () => {
    expect(parseCommand(['validate', 'p.json'])).toEqual({ name: 'validate', project: 'p.json' });
    expect(parseCommand(['render-frame', 'p.json', '--time', '2.5', '-o', 'f.png'])).toEqual({
      name: 'render-frame',
      project: 'p.json',
      time: 2.5,
      output: 'f.png',
      force: false,
    });
    expect(parseCommand(['render-frame', 'p.json', '--force'])).toMatchObject({ force: true });
    expect(parseCommand(['export', 'p.json', '-f'])).toMatchObject({ force: true });
    expect(parseCommand(['render-frame', 'p.json'])).toMatchObject({ time: 0, output: null });
    expect(parseCommand(['bench'])).toEqual({ name: 'bench', keep: false, long: false, project: null });
    expect(parseCommand([])).toEqual({ name: 'help', command: null });
    expect(parseCommand(['--help'])).toEqual({ name: 'help', command: null });
    expect(parseCommand(['help', 'export'])).toEqual({ name: 'help', command: 'export' });
    expect(parseCommand(['export', '--help'])).toEqual({ name: 'help', command: 'export' });
    expect(parseCommand(['validate', '-h'])).toEqual({ name: 'help', command: 'validate' });
    expect(parseCommand(['--version'])).toEqual({ name: 'version' });
  });

  it('explains mistakes in words a creator understands', () => {
    expect(usageError(['publish']).message).toBe(
      'There is no command "publish". The commands are: export, validate, render-frame, align, bench.',
    );
    expect(usageError(['export']).message).toBe('Which project? Give the project file.');
    expect(usageError(['export', 'a.json', 'b.json']).message).toBe(
      'Give one project file (got 2: a.json, b.json).',
    );
    expect(usageError(['export', 'a.json', '--fast']).message).toBe('Unknown option --fast.');
    expect(usageError(['export', 'a.json', '--preset', 'vine']).message).toBe(
      'There is no preset "vine". Choose one of: tiktok, reels, shorts, draft, gif.',
    );
    expect(usageError(['export', 'a.json', '--from', 'soon']).message).toBe(
      '--from takes seconds, like 2 or 1.5 (got "soon").',
    );
    expect(usageError(['export', 'a.json', '--from=-2']).message).toBe(
      '--from must be 0 or more seconds (got -2).',
    );
    expect(usageError(['export', 'a.json', '--from', '3', '--to', '2']).message).toBe(
      '--to (2) must be after --from (3).',
    );
    expect(usageError(['export', 'a.json', '-o']).message).toBe('-o, --output needs a value.');
    expect(usageError(['export', 'a.json', '--from']).message).toBe('--from needs a value.');
    expect(usageError(['--frobnicate']).message).toBe(
      'Unknown option --frobnicate. Start with a command, e.g. kindness export.',
    );
  });

  it('points each mistake at the right help', () => {
    expect(usageError(['export', 'a.json', '--fast']).command).toBe('export');
    expect(usageError(['render-frame', 'a.json', '--time', 'x']).command).toBe('render-frame');
    expect(usageError(['nope']).command).toBeNull();
  });

  it('says a negative number is out of range, however it is written (issue 10)', () => {
    // parseArgs reads "-1" after a flag as another option; the creator typed a number.
    expect(usageError(['render-frame', 'a.json', '--time', '-1']).message).toBe(
      '--time must be 0 or more seconds (got -1).',
    );
    expect(usageError(['render-frame', 'a.json', '-t', '-0.5']).message).toBe(
      '--time must be 0 or more seconds (got -0.5).',
    );
    expect(usageError(['export', 'a.json', '--from', '-2']).message).toBe(
      '--from must be 0 or more seconds (got -2).',
    );
    expect(usageError(['export', 'a.json', '--to', '-.5']).message).toBe(
      '--to must be 0 or more seconds (got -.5).',
    );
    expect(usageError(['export', 'a.json', '--from', 'Infinity']).message).toBe(
      '--from takes seconds, like 2 or 1.5 (got "Infinity").',
    );
    // A real option after a flag is still "needs a value".
    expect(usageError(['export', 'a.json', '--from', '--to', '2']).message).toBe('--from needs a value.');
  });
});

describe('kindness align on the command line', () => {
  it('reads the project, the voice, the script and where to save', () => {
    expect(
      parseCommand([
        'align',
        'p.kindness',
        '--audio',
        'v.wav',
        '--script',
        's.txt',
        '-o',
        'out.kindness',
        '--json',
      ]),
    ).toEqual({
      name: 'align',
      project: 'p.kindness',
      audio: 'v.wav',
      script: 's.txt',
      output: 'out.kindness',
      json: true,
      ffmpeg: null,
    });
  });

  it('asks for the voice and for a .kindness file to write', () => {
    expect(() => parseCommand(['align', 'p.kindness', '-o', 'out.kindness'])).toThrow(/--audio/);
    expect(() => parseCommand(['align', 'p.kindness', '--audio', 'v.wav'])).toThrow(/-o <file.kindness>/);
    expect(() => parseCommand(['align', 'p.kindness', '--audio', 'v.wav', '-o', 'out.json'])).toThrow(
      /must name a \.kindness file/,
    );
  });

  it('reads only decimal seconds: hexadecimal, binary and octal are refused (found trying issue 10 again)', () => {
    for (const written of ['0x10', '0b11', '0o7', '1_000', '1e400']) {
      expect(usageError(['render-frame', 'a.json', '--time', written]).message).toBe(
        `--time takes seconds, like 2 or 1.5 (got "${written}").`,
      );
    }
    expect(usageError(['export', 'a.json', '--from', '0x1']).message).toBe(
      '--from takes seconds, like 2 or 1.5 (got "0x1").',
    );
    // A control character the terminal would act on is shown escaped.
    expect(usageError(['render-frame', 'a.json', '--time', '1\u001b[2J']).message).toBe(
      '--time takes seconds, like 2 or 1.5 (got "1\\u001B[2J").',
    );
    for (const fine of ['2', '1.5', '.5', '3e1', '+2', '0']) {
      expect(() => parseCommand(['render-frame', 'a.json', '--time', fine])).not.toThrow();
    }
  });
});
