/** JSON text to a value, with a readable reason when it is not JSON. */
export type JsonParseResult = { ok: true; value: unknown } | { ok: false; detail: string };

function lineAndColumn(text: string, position: number): string {
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

export function parseJsonText(text: string): JsonParseResult {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // editors may add a BOM
  if (body.trim() === '') return { ok: false, detail: 'it is empty' };
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    // V8's reason may quote a snippet of the text (newlines included) and repeat "is not valid JSON".
    const reason = (error instanceof Error ? error.message : String(error))
      .replace(/\s+/g, ' ')
      .replace(/ is not valid JSON$/, '')
      .trim();
    const position = /at position (\d+)/.exec(reason)?.[1];
    const where = position !== undefined ? `, ${lineAndColumn(body, Number(position))}` : '';
    return { ok: false, detail: `it is not valid JSON (${reason}${where})` };
  }
}
