import { describe, expect, it } from 'vitest';
import { blankProject } from '../../../src/core/edit';
import { EndCardSchema, type Project } from '../../../src/core/schema';
import { endCardReport } from '../../../src/export/endCardReport';

function withCard(fields: Record<string, unknown>): Project {
  return { ...blankProject(), endCard: EndCardSchema.parse({ region: 'UK', handle: 'kind', ...fields }) };
}

describe('end-card report before an export', () => {
  it('is empty for a designed card that reads well, and without a card', async () => {
    const card = withCard({
      resources: [{ name: 'Childline', contact: '0800 1111 · childline.org.uk' }],
    });
    expect(await endCardReport(card, new Map())).toEqual([]);
    expect(await endCardReport(blankProject(), new Map())).toEqual([]);
    expect(await endCardReport(withCard({ enabled: false }), new Map())).toEqual([]);
  });

  it('warns, measured on the rendered card, when so much text had to shrink below a readable size', async () => {
    const crowded = withCard({
      message: 'Words stay with people long after the video ends. '.repeat(6).trim(),
      resources: Array.from({ length: 6 }, (_, i) => ({
        name: `Helpline number ${i + 1} with a long name`,
        contact: 'call 0800 000 000 any time, day or night, or chat online at example.org/help',
      })),
    });
    const lines = await endCardReport(crowded, new Map());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^End card: The card holds so much text that it had to shrink/);
  });
});
