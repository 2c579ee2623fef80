/** The generated module's text for the WAT source `text` (see make-yuv-wasm.mjs). */
export function generatedSource(text: string): Promise<string>;
