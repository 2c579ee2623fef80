import type { Caption } from '../../schema';

/** One timed word of a caption (the schema's `words` entries). */
export type CaptionWord = NonNullable<Caption['words']>[number];

/** Something in the file that was skipped or changed on import; `line` is 1-based. */
export interface SubtitleWarning {
  readonly line: number;
  readonly message: string;
}

/** What an import gives back: captions (maybe with warnings) or one clear reason it failed. */
export type SubtitleParseResult =
  | { readonly ok: true; readonly captions: Caption[]; readonly warnings: SubtitleWarning[] }
  | { readonly ok: false; readonly error: { readonly message: string; readonly line?: number } };

export interface SubtitleParseOptions {
  /** Caption ids are this prefix plus 1, 2, ... in time order. Default `cap-`. */
  readonly idPrefix?: string;
}
