import { z } from 'zod';
import { AssetIdSchema, ColorSchema, FiniteSchema, IdSchema } from './primitives';
import { KeyframeTracksSchema } from './keyframes';
import { ExpressionSchema, PartConditionSchema, VisemeSchema } from './character';

/**
 * Fields every element has. Coordinates are frame pixels. The anchor is a point in the
 * element's own coordinates that sits at (x, y) and that it scales and rotates about.
 */
const base = {
  id: IdSchema,
  name: z.string().max(200).default(''),
  x: FiniteSchema.default(0),
  y: FiniteSchema.default(0),
  scaleX: FiniteSchema.default(1),
  scaleY: FiniteSchema.default(1),
  /** Degrees, clockwise. */
  rotation: FiniteSchema.default(0),
  anchorX: FiniteSchema.default(0),
  anchorY: FiniteSchema.default(0),
  opacity: z.number().min(0).max(1).default(1),
  fill: ColorSchema.nullable().default(null),
  stroke: ColorSchema.nullable().default(null),
  strokeWidth: z.number().finite().min(0).default(0),
  visible: z.boolean().default(true),
  locked: z.boolean().default(false),
  keyframes: KeyframeTracksSchema.optional(),
  /** A character's part: shown only for these expressions / mouth shapes (see character.ts). */
  showFor: PartConditionSchema.optional(),
};

const positive = z.number().finite().positive();
const nonNegative = z.number().finite().min(0);

/** Rectangle with its top-left corner at local (0, 0). */
export const RectElementSchema = z.object({
  ...base,
  kind: z.literal('rect'),
  width: positive,
  height: positive,
  cornerRadius: nonNegative.default(0),
});

/** Ellipse centred on local (0, 0). */
export const EllipseElementSchema = z.object({
  ...base,
  kind: z.literal('ellipse'),
  radiusX: positive,
  radiusY: positive,
});

/** Star centred on local (0, 0). */
export const StarElementSchema = z.object({
  ...base,
  kind: z.literal('star'),
  points: z.number().int().min(3).max(64),
  innerRadius: positive,
  outerRadius: positive,
});

/** Regular polygon centred on local (0, 0). */
export const PolygonElementSchema = z.object({
  ...base,
  kind: z.literal('polygon'),
  sides: z.number().int().min(3).max(64),
  radius: positive,
});

/** Polyline through flat [x0, y0, x1, y1, ...] points, optionally with arrow heads. */
export const LineElementSchema = z.object({
  ...base,
  kind: z.literal('line'),
  points: z.array(FiniteSchema).min(4).max(20000),
  arrowStart: z.boolean().default(false),
  arrowEnd: z.boolean().default(false),
  /** 0 draws straight segments, around 0.5 a smooth curve. */
  tension: z.number().min(0).max(1).default(0),
  dash: z.array(nonNegative).max(16).optional(),
  reveal: z.number().min(0).max(1).default(1),
});

/** Rounded box with a tail pointing at (tailX, tailY) in local coordinates, and text inside. */
export const BubbleElementSchema = z.object({
  ...base,
  kind: z.literal('bubble'),
  width: positive,
  height: positive,
  cornerRadius: nonNegative.default(32),
  tailX: FiniteSchema,
  tailY: FiniteSchema,
  text: z.string().max(2000).default(''),
  textColor: ColorSchema.default('#1d1b2e'),
  fontFamily: z.string().max(100).default('Inter'),
  fontSize: positive.default(44),
});

/** Free path from SVG path data, in local coordinates. */
export const PathElementSchema = z.object({
  ...base,
  kind: z.literal('path'),
  data: z.string().min(1).max(200000),
  reveal: z.number().min(0).max(1).default(1),
});

/** One brush stroke: points with pressure (0..1) that scales the width. */
export const BrushStrokeSchema = z.object({
  color: ColorSchema,
  width: positive,
  points: z
    .array(z.object({ x: FiniteSchema, y: FiniteSchema, pressure: z.number().min(0).max(1).default(0.5) }))
    .min(1)
    .max(20000),
});
export type BrushStroke = z.infer<typeof BrushStrokeSchema>;

/** A single brush stroke element (drawn with `stroke`/`strokeWidth` ignored: the stroke has its own). */
export const BrushElementSchema = z.object({
  ...base,
  kind: z.literal('brush'),
  strokes: z.array(BrushStrokeSchema).min(1).max(2000),
  reveal: z.number().min(0).max(1).default(1),
});

/** Frame-by-frame hand drawing: each frame holds for `hold` video frames, then the next. */
export const DrawingElementSchema = z.object({
  ...base,
  kind: z.literal('drawing'),
  frames: z
    .array(
      z.object({
        hold: z.number().int().min(1).max(600).default(2),
        strokes: z.array(BrushStrokeSchema).max(2000),
      }),
    )
    .min(1)
    .max(2000),
  loop: z.boolean().default(true),
});

export const TEXT_ALIGNS = ['left', 'center', 'right'] as const;

export const TextElementSchema = z.object({
  ...base,
  kind: z.literal('text'),
  text: z.string().max(5000),
  fontFamily: z.string().max(100).default('Inter'),
  fontSize: positive.default(72),
  fontWeight: z.enum(['normal', 'bold']).default('bold'),
  align: z.enum(TEXT_ALIGNS).default('center'),
  /** Wrap width in pixels; the text wraps at word boundaries inside it. */
  width: positive.optional(),
  lineHeight: z.number().min(0.5).max(4).default(1.15),
});

/** A picture from the project's assets, drawn into a width x height box at local (0, 0). */
export const ImageElementSchema = z.object({
  ...base,
  kind: z.literal('image'),
  assetId: AssetIdSchema,
  width: positive,
  height: positive,
  /**
   * How the picture fills its box: stretched to it (absent, as before), or `cover`: scaled to
   * cover it keeping its proportions, the middle kept and the overflow cropped.
   */
  fit: z.enum(['stretch', 'cover']).optional(),
  /** `circle`: the picture shows in the circle (ellipse) inside its box, its outline round too. */
  mask: z.enum(['circle']).optional(),
});

const LEAF_SCHEMAS = [
  RectElementSchema,
  EllipseElementSchema,
  StarElementSchema,
  PolygonElementSchema,
  LineElementSchema,
  BubbleElementSchema,
  PathElementSchema,
  BrushElementSchema,
  DrawingElementSchema,
  TextElementSchema,
  ImageElementSchema,
] as const;
export type LeafElement = z.infer<(typeof LEAF_SCHEMAS)[number]>;
type LeafElementInput = z.input<(typeof LEAF_SCHEMAS)[number]>;

const GroupFieldsSchema = z.object({
  ...base,
  kind: z.literal('group'),
  /** Set on a character: which of its expression parts show (keyframable, holds). */
  expression: ExpressionSchema.optional(),
  /** Set on a character: which of its mouth parts show (keyframable, holds). */
  mouth: VisemeSchema.optional(),
});
export type GroupElement = z.infer<typeof GroupFieldsSchema> & { children: Element[] };
type GroupElementInput = z.input<typeof GroupFieldsSchema> & { children: ElementInput[] };

export type Element = LeafElement | GroupElement;
/** An element as written in a file, before defaults are filled in. */
export type ElementInput = LeafElementInput | GroupElementInput;

/**
 * A group transforms its children together. TypeScript cannot infer a self-referencing
 * schema, so the recursive types are spelled out above and the schemas annotated with them.
 */
export const GroupElementSchema: z.ZodType<GroupElement, GroupElementInput> = GroupFieldsSchema.extend({
  get children() {
    return z.array(ElementSchema).max(5000);
  },
});

type GroupObjectSchema = z.ZodObject<
  (typeof GroupFieldsSchema)['shape'] & { children: z.ZodArray<z.ZodType<Element, ElementInput>> }
>;

// One discriminated union (group included) keeps error paths precise: a bad width inside a
// group is reported at `children.0.width`, not as "no union member matched". The cast only
// restores the object type zod needs to find the `kind` literal; at run time it is that object.
export const ElementSchema: z.ZodType<Element, ElementInput> = z.discriminatedUnion('kind', [
  ...LEAF_SCHEMAS,
  GroupElementSchema as unknown as GroupObjectSchema,
]);

export type ElementKind = Element['kind'];
export type RectElement = z.infer<typeof RectElementSchema>;
export type EllipseElement = z.infer<typeof EllipseElementSchema>;
export type StarElement = z.infer<typeof StarElementSchema>;
export type PolygonElement = z.infer<typeof PolygonElementSchema>;
export type LineElement = z.infer<typeof LineElementSchema>;
export type BubbleElement = z.infer<typeof BubbleElementSchema>;
export type PathElement = z.infer<typeof PathElementSchema>;
export type BrushElement = z.infer<typeof BrushElementSchema>;
export type DrawingElement = z.infer<typeof DrawingElementSchema>;
export type TextElement = z.infer<typeof TextElementSchema>;
export type ImageElement = z.infer<typeof ImageElementSchema>;
