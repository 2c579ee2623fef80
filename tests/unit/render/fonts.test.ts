import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { resolveFontFile } from '../../../src/render/backends/node';

describe('Node fonts', () => {
  it('finds the shipped font files', () => {
    expect(existsSync(resolveFontFile('@fontsource/inter', 'inter-latin-400-normal.woff2'))).toBe(true);
  });

  it('names the file and the package when a font file is missing', () => {
    expect(() => resolveFontFile('@fontsource/inter', 'inter-klingon-400-normal.woff2')).toThrow(
      /inter-klingon-400-normal\.woff2.*@fontsource\/inter/,
    );
  });

  it('names the package when a font package is not installed', () => {
    expect(() => resolveFontFile('@fontsource/not-a-font', 'x.woff2')).toThrow(/@fontsource\/not-a-font/);
  });
});
