import { z } from 'zod';

/** Stable identifier of a record inside a project (scene, element, caption, ...). */
export const IdSchema = z.string().min(1).max(64);

/** `#rgb`, `#rrggbb` or `#rrggbbaa`. One colour syntax keeps interpolation and the UI simple. */
export const ColorSchema = z
  .string()
  .regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$/, 'expected a colour like #ff8800');
export type Color = z.infer<typeof ColorSchema>;

/** Seconds, never negative. */
export const SecondsSchema = z.number().finite().min(0);

/** A finite number: NaN and Infinity never reach the renderer. */
export const FiniteSchema = z.number().finite();

/** Content hash (sha256, hex) of a file under `assets/` in the .kindness container. */
export const AssetIdSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 asset id');
