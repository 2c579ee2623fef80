import { OUTPUT_PRESET_IDS, outputPreset } from '../export/presets';

const EXIT_CODES = `Exit codes:
  0    done
  1    the project file is invalid or cannot be read
  2    the command line is wrong
  3    ffmpeg was not found
  4    the export failed
  130  cancelled (Ctrl+C)`;

const PRESET_LINES = OUTPUT_PRESET_IDS.map((id) => `  ${id.padEnd(7)} ${outputPreset(id).label}`).join('\n');

export const GENERAL_HELP = `kindness: make post-ready vertical videos from Kindness Studio projects.

Usage:
  kindness export <project> [-o out.mp4] [--preset tiktok|reels|shorts|draft|gif] [--from s] [--to s]
                            [--ffmpeg path] [--no-sidecars] [--force] [--jobs N|auto]
  kindness validate <project>
  kindness render-frame <project> [--time s] [-o frame.png] [--force]
  kindness align <project> --audio <file.wav|mp3> [--script <file.txt>] -o <project.kindness> [--json]
  kindness bench [--keep] [--long | --quick] [--project FILE]
  kindness <command> --help
  kindness --version

Commands:
  export        render the project and encode an MP4 (with captions as SRT and VTT, post text and
                cover) or an animated GIF
  validate      check a project file and list every problem with where it is
  render-frame  save one frame of the project as a PNG
  align         time the captions to a voice recording, word by word, offline
  bench         measure export speed and memory against ffmpeg alone on the same frames

A <project> is a .kindness file or a project .json file.

${EXIT_CODES}

Set KINDNESS_DEBUG=1 to see technical details (stack traces, ffmpeg's log) when something fails.
`;

export const COMMAND_HELP: Readonly<Record<string, string>> = {
  export: `Usage: kindness export <project> [options]

Renders the project and encodes it with ffmpeg. The video is written to a hidden temporary file
beside it and gets its name only when it is complete; Ctrl+C stops cleanly and leaves nothing
behind (what a killed export left is cleared by the next one in that folder). Nothing is ever
written over the project itself, and no existing file (the video or a file beside it) is replaced
unless you add --force: the export stops first and names each file it would replace. Two exports
to the same name at once: the second is refused.
Beside the video: NAME.srt and NAME.vtt (captions), NAME.txt (post caption and #hashtags),
NAME.cover.png (a cover picture). With --preset gif: an animated GIF that loops, 540 pixels wide
at up to 15 frames a second, one palette for the whole clip, no sound and no files beside it.

Options:
  -o, --output <file>   the file to write (default: <project name>.mp4, or .gif, in this folder)
  -p, --preset <name>   platform settings (default: tiktok):
${PRESET_LINES.replace(/^ {2}/gm, '                          ')}
      --from <seconds>  start of the part to export (default: the beginning)
      --to <seconds>    end of the part to export (default: the end)
      --ffmpeg <path>   the ffmpeg program to use (otherwise FFMPEG_PATH, then PATH, then the
                        bundled one; KINDNESS_NO_BUNDLED_FFMPEG=1 turns the bundled one off)
      --no-sidecars     write only the video
  -j, --jobs <N|auto>   split the video into N chunks, render and encode them at once and join
                        them without re-encoding (the same frames as one pass); default auto:
                        one pass on 2 cores or fewer, about one chunk per 2 cores above (at most
                        4, chunks of 5 s or more). A GIF is always made in one pass
  -f, --force           replace files already at these names (never the project itself)
  -h, --help            show this help

${EXIT_CODES}
`,
  validate: `Usage: kindness validate <project>

Checks a project file: its format and version, every value, and the files it refers to.
Prints each problem with where it is (for example scenes[0].elements[2].width); what the
loader can repair safely is listed as a warning.

${EXIT_CODES}
`,
  'render-frame': `Usage: kindness render-frame <project> [options]

Draws one moment of the project, exactly as the export does, and saves it as a PNG.

Options:
  -t, --time <seconds>  the moment to draw (default: 0)
  -o, --output <file>   the picture to write (default: <project name>-<time>s.png in this folder)
  -f, --force           replace a file already there (never the project itself)
  -h, --help            show this help

${EXIT_CODES}
`,
  align: `Usage: kindness align <project> --audio <file.wav|mp3> [--script <file.txt>] -o <project.kindness>

Times captions to a voice recording, word by word, on this machine (nothing is uploaded and no
model is downloaded): every caption gets a start and an end, every word its timing for the
highlighted-word style, and a caption too long to read is split where the voice pauses. The
sound is added as a clip at 0 s (or the project's clip of that same file is used). Every time
can be corrected by hand in the studio afterwards.

Options:
  -a, --audio <file>    the voice: WAV, MP3, M4A or Ogg
  -s, --script <file>   the words, one caption per line (default: the project's captions)
  -o, --output <file>   the project to write (.kindness; an existing file is kept as .bak)
      --json            print each caption's and word's times (seconds) as JSON
      --ffmpeg <path>   the ffmpeg program that decodes the sound
  -h, --help            show this help

${EXIT_CODES}
`,
  bench: `Usage: kindness bench [--keep] [--long | --quick] [--project FILE]

Measures the exporter on the sample project and on generated 15 s and 60 s projects (1080x1920,
30 fps, moving shapes, text and a caption), each exported with the TikTok preset in a fresh
process. The baseline is measured in the same run: ffmpeg alone encoding the export's very
frames (decoded to raw yuv420p) with the same x264 arguments. Each case runs three rounds of
export and baseline, alternating which goes first, and reports the round with the median ratio
(every round's ratio beside it): wall and CPU time as ratios to the baseline, CPU per frame for
each stage, the peak memory of every process, and the targets.
The 15 s project is exported again with --jobs 1, 2, auto (and 4 with 4 cores or more), each
against the same baseline. Files go to a temporary folder.
Then times 40 English and 40 Spanish sentences synthesised with espeak-ng (when it and sox are
installed) to their voices and prints the word-start and caption-boundary errors against the
targets, and the time taken against the length of the sound.

Options:
      --keep            keep the temporary folder (its path is printed)
      --long            also a 10 min project, to check that memory stays flat (several minutes)
      --quick           only the sample and the 15 s project, no batch (a busy machine)
      --project FILE    the sample project to measure (default: the bundled sample)
  -h, --help            show this help

${EXIT_CODES}
`,
};
