import { ProjectSchema } from '/work/main/src/core/schema';
const r = ProjectSchema.safeParse({ format: 'kindness-studio', version: 1, scenes: [{ id: 's', duration: 2, elements: [{ id: 'g', kind: 'group', children: [{ id: 'r', kind: 'rect', width: 'x', height: 2 }] }] }] });
console.log(JSON.stringify(r.success ? r.data : r.error.issues, null, 1).slice(0, 1500));
