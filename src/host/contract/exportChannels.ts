import { z } from 'zod';
import { ProjectSchema } from '../../core/schema';
import { resultSchema } from './result';

/**
 * Export jobs: the page starts a batch (several outputs from one render), polls its status
 * (the web host has no push channel, so polling works the same over HTTP and IPC), cancels
 * one output or all, and asks the shell to show a finished file in its folder.
 */
const PathSchema = z.string().min(1).max(4096);
const DocIdSchema = z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, 'expected a document id');
const JobIdSchema = z.string().regex(/^job-[a-f0-9]{8,32}$/, 'expected an export job id');

/** What the studio exports: the three platforms, a review draft and an animated GIF. */
export const EXPORT_OUTPUT_IDS = ['tiktok', 'reels', 'shorts', 'draft', 'gif'] as const;
export const ExportOutputIdSchema = z.enum(EXPORT_OUTPUT_IDS);
export type ExportOutputId = z.infer<typeof ExportOutputIdSchema>;

export const ExportOutputStateSchema = z.enum([
  'waiting',
  'running',
  'saving',
  'checking',
  'done',
  'cancelled',
  'failed',
]);
export type ExportOutputState = z.infer<typeof ExportOutputStateSchema>;

export const ExportCheckSchema = z.object({
  label: z.string(),
  level: z.enum(['pass', 'warn', 'fail']),
  detail: z.string(),
});

export const ExportOutputStatusSchema = z.object({
  id: ExportOutputIdSchema,
  state: ExportOutputStateSchema,
  frame: z.number().int().min(0),
  totalFrames: z.number().int().min(0),
  percent: z.number().min(0).max(100),
  /** Seconds left; null while unknown. */
  etaSeconds: z.number().min(0).nullable(),
  /** Where the file is (or will be) saved. */
  path: PathSchema,
  /** Caption, post-text and cover files written beside it. */
  sidecars: z.array(PathSchema),
  error: z.object({ kind: z.string(), message: z.string(), detail: z.string() }).nullable(),
  /** The finished file checked against its platform's limits. */
  report: z
    .object({ level: z.enum(['pass', 'warn', 'fail']), checks: z.array(ExportCheckSchema) })
    .nullable(),
  warnings: z.array(z.string()),
});
export type ExportOutputStatus = z.infer<typeof ExportOutputStatusSchema>;

export const EXPORT_CHANNELS = {
  /** Starts rendering and encoding outside the process that serves the page. */
  startExport: {
    request: z.object({
      docId: DocIdSchema,
      project: ProjectSchema,
      outputs: z.array(ExportOutputIdSchema).min(1).max(EXPORT_OUTPUT_IDS.length),
      /** A folder inside the folders the user chose. */
      folder: PathSchema,
      /** The files are named `baseName-tiktok.mp4`, `baseName.gif`, ... */
      baseName: z.string().min(1).max(120),
    }),
    response: resultSchema({
      jobId: JobIdSchema,
      outputs: z.array(z.object({ id: ExportOutputIdSchema, path: PathSchema })),
    }),
  },
  exportStatus: {
    request: z.object({ jobId: JobIdSchema }),
    response: resultSchema({
      /** `finished` once every output is done, cancelled or failed. */
      state: z.enum(['running', 'finished']),
      outputs: z.array(ExportOutputStatusSchema),
    }),
  },
  /** Cancels one output (the others carry on) or, without `output`, all of them. */
  cancelExport: {
    request: z.object({ jobId: JobIdSchema, output: ExportOutputIdSchema.optional() }),
    response: resultSchema({}),
  },
  /**
   * Tells the creator an export ended with a system notification, for when the studio is in the
   * background; the web host cannot, and says so (`shown: false`).
   */
  notifyExportDone: {
    request: z.object({ title: z.string().min(1).max(120), body: z.string().max(500) }),
    response: resultSchema({ shown: z.boolean() }),
  },
  /** Shows a file in the system's file manager; the web host cannot, and says so (`shown: false`). */
  showInFolder: {
    request: z.object({ path: PathSchema }),
    response: resultSchema({ shown: z.boolean() }),
  },
} as const satisfies Record<string, { request: z.ZodType; response: z.ZodType }>;
