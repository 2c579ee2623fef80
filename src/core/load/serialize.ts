import { ProjectSchema, type Project } from '../schema';

/**
 * The text written to project.json: 2-space JSON with a trailing newline. The project goes
 * through the schema first, so fields always come out in the schema's order (stable diffs,
 * whatever order an edit created them in) with defaults filled in.
 */
export function serializeProject(project: Project): string {
  const canonical = ProjectSchema.safeParse(project);
  // An invalid in-memory project is still written as it is: losing the creator's work would be
  // worse, and the loader will name the problem on the next open.
  return `${JSON.stringify(canonical.success ? canonical.data : project, null, 2)}\n`;
}
