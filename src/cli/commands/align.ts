import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { applyAlignment, addAudioTrack, setAsset } from '../../core/edit';
import { projectDuration } from '../../core/timeline/timeline';
import type { Project } from '../../core/schema';
import { AlignTooLongError, alignScript, type AlignmentResult } from '../../core/voice';
import { decodeVoice, VOICE_SAMPLE_RATE, VoiceDecodeError } from '../../export/audio/decodeVoice';
import { discoverFfmpeg } from '../../export/ffmpeg/discover';
import { assetIdFor, saveProjectFile } from '../../host/node/projectFile';
import { AUDIO_MIME, SUPPORTED_AUDIO_TEXT, sniffAudio } from '../../host/node/audio/sniffAudio';
import { EXIT, type ExitCode } from '../exitCodes';
import type { CliIo } from '../io';
import { openProjectForCli, printWarnings } from '../openProject';

export interface AlignArgs {
  readonly project: string;
  readonly audio: string;
  readonly script: string | null;
  readonly output: string;
  readonly json: boolean;
  readonly ffmpeg: string | null;
}

/** Script lines: one caption per non-empty line. */
export function scriptLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The sound's clip in the project (the same file already added), or a new clip at 0 s. */
function withSound(
  project: Project,
  bytes: Buffer,
  name: string,
  seconds: number,
): { project: Project; start: number } {
  const assetId = assetIdFor(bytes);
  const existing = project.audio.find((t) => t.assetId === assetId);
  if (existing !== undefined) return { project, start: existing.start - existing.trimStart };
  const format = sniffAudio(bytes);
  const withAsset = setAsset(project, assetId, {
    kind: 'audio',
    name: name.slice(0, 255),
    mime: format === null ? 'audio/wav' : AUDIO_MIME[format],
    size: bytes.length,
    duration: seconds,
  });
  return { project: addAudioTrack(withAsset, { assetId, name, start: 0 }).project, start: 0 };
}

function secondsText(t: number): string {
  return t.toFixed(3);
}

/** `--json`: every caption's and word's times. */
export function alignmentJson(result: AlignmentResult): string {
  return `${JSON.stringify(
    {
      language: result.language,
      captions: result.captions.map((c) => ({
        start: c.start,
        end: c.end,
        text: c.text,
        words: c.words.map((w) => ({ start: w.start, end: w.end, text: w.text })),
      })),
    },
    null,
    2,
  )}\n`;
}

/**
 * `kindness align`: times the project's captions (or a script, one caption per line) to a
 * voice recording, offline, and saves the project with the sound as a clip and the timed
 * captions. Nothing leaves the machine and no model is downloaded (src/core/voice).
 */
export async function alignCommand(args: AlignArgs, io: CliIo): Promise<ExitCode> {
  const opened = await openProjectForCli(args.project, io);
  if (opened === null) return EXIT.projectInvalid;
  printWarnings(io, opened.warnings);
  const audioPath = path.resolve(io.cwd, args.audio);
  let bytes: Buffer;
  try {
    if (!(await stat(audioPath)).isFile()) throw new Error('not a file');
    bytes = await readFile(audioPath);
  } catch {
    io.err(`There is no sound file at ${args.audio}.\n`);
    return EXIT.usage;
  }
  if (sniffAudio(bytes) === null) {
    io.err(`${args.audio} is not a sound file the studio takes (${SUPPORTED_AUDIO_TEXT}).\n`);
    return EXIT.usage;
  }
  let script: string[];
  if (args.script !== null) {
    try {
      script = scriptLines(await readFile(path.resolve(io.cwd, args.script), 'utf8'));
    } catch {
      io.err(`There is no script file at ${args.script}.\n`);
      return EXIT.usage;
    }
    if (script.length === 0) {
      io.err(`The script ${args.script} is empty: write one caption per line.\n`);
      return EXIT.usage;
    }
  } else {
    script = [...opened.project.captions].sort((a, b) => a.start - b.start).map((c) => c.text);
    if (script.length === 0) {
      io.err(
        'The project has no captions to time. Give the words with --script <file.txt> (one caption per line).\n',
      );
      return EXIT.usage;
    }
  }

  const ffmpeg = await discoverFfmpeg({ configuredPath: args.ffmpeg, env: io.env });
  let samples: Float32Array;
  try {
    samples = await decodeVoice(ffmpeg.path, audioPath);
  } catch (err) {
    if (err instanceof VoiceDecodeError) {
      io.err(`${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  const seconds = samples.length / VOICE_SAMPLE_RATE;
  const sound = withSound(opened.project, bytes, path.basename(audioPath), seconds);
  let result: AlignmentResult;
  try {
    result = alignScript({
      samples,
      sampleRate: VOICE_SAMPLE_RATE,
      script,
      offset: sound.start,
      audience: opened.project.captionSettings.audience ?? 'general',
    });
  } catch (err) {
    if (err instanceof AlignTooLongError) {
      io.err(`${err.message}\n`);
      return EXIT.usage;
    }
    throw err;
  }
  const project = applyAlignment(sound.project, result.captions, {
    from: args.script !== null ? 'script' : 'captions',
  });
  const assets = new Map(opened.assets);
  assets.set(assetIdFor(bytes), bytes);
  await saveProjectFile(path.resolve(io.cwd, args.output), project, assets);
  const last = project.captions.at(-1);
  if (last !== undefined && last.end > projectDuration(project) + 1e-6) {
    io.err(
      `Warning: the voice runs to ${secondsText(last.end)} s but the video ends at ${secondsText(projectDuration(project))} s; captions after the end are not shown. Make the scenes longer.\n`,
    );
  }
  if (args.json) io.out(alignmentJson(result));
  else
    io.out(
      `Timed ${result.captions.length} caption${result.captions.length === 1 ? '' : 's'} to ${path.basename(audioPath)} (${secondsText(seconds)} s): ${args.output}\n`,
    );
  return EXIT.ok;
}
