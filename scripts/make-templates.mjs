// Writes the story templates to resources/templates/<id>.kindness.json and their listing to
// resources/templates/manifest.json, from src/core/templates (the art is code there, so it can
// share the library's characters and be reviewed as a storyboard). Run after changing a template:
//   node scripts/make-templates.mjs
// tests/unit/templates/templates.test.ts fails when the files and the code disagree.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = new URL('..', import.meta.url).pathname;
const out = join(tmpdir(), `kindness-templates-${process.pid}.mjs`);
await build({
  stdin: {
    contents: `export { TEMPLATES, buildTemplate, templateManifest } from './src/core/templates';
export { serializeProject } from './src/core/load';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: out,
  logLevel: 'warning',
});
const { TEMPLATES, buildTemplate, templateManifest, serializeProject } = await import(
  pathToFileURL(out).href
);
rmSync(out);

const directory = JSON.parse(readFileSync(join(root, 'resources/safety/directory.json'), 'utf8'));
const folder = join(root, 'resources/templates');
mkdirSync(folder, { recursive: true });
for (const template of TEMPLATES) {
  const project = buildTemplate(template, directory);
  writeFileSync(join(folder, `${template.id}.kindness.json`), serializeProject(project));
}
writeFileSync(join(folder, 'manifest.json'), `${JSON.stringify(templateManifest(directory), null, 2)}\n`);
console.log(`${TEMPLATES.length} templates written to resources/templates/`);
