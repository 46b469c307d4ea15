import { z } from 'zod';
import { ORGANISATION_ROLES, RISK_TIERS } from '../modules/ai-systems/schema.js';
import { contentPath } from './paths.js';
import { type LoadedFile, readYamlFile, yamlFilesIn } from './yaml-file.js';

export const FRAMEWORK_IDS = [
  'iso-42001-2023',
  'iso-27001-2022',
  'iso-9001-2015',
  'nist-ai-rmf-1.0',
  'eu-ai-act-2024',
] as const;
export const REQUIREMENT_KINDS = [
  'clause',
  'group',
  'objective',
  'control',
  'function',
  'category',
  'subcategory',
  'article',
] as const;
export const RELATIONSHIPS = ['equal', 'subset', 'superset', 'intersect'] as const;
/** Kinds that are requirements in their own right when nothing sits below them. */
export const ASSESSABLE_KINDS = new Set(['clause', 'control', 'subcategory', 'article']);

const text = (max: number) => z.string().trim().min(1).max(max);

const requirementSchema = z
  .object({
    ref: text(40),
    title: text(300),
    kind: z.enum(REQUIREMENT_KINDS),
    parentRef: text(40).nullable(),
    summary: text(3000),
    auditorFocus: text(2000).optional(),
    typicalEvidence: z.array(text(400)).max(10).optional(),
    appliesTo: z
      .object({
        roles: z.array(z.enum(ORGANISATION_ROLES)).min(1),
        riskTiers: z.array(z.enum(RISK_TIERS)).min(1),
      })
      .strict()
      .optional(),
  })
  .strict();

export const frameworkFileSchema = z
  .object({
    id: z.enum(FRAMEWORK_IDS),
    name: text(200),
    shortName: text(60),
    publisher: text(100),
    version: text(40),
    contentVersion: z.number().int().positive(),
    description: text(3000),
    requirements: z.array(requirementSchema).min(1),
  })
  .strict()
  .superRefine((framework, ctx) => {
    const seen = new Set<string>();
    framework.requirements.forEach((requirement, index) => {
      if (seen.has(requirement.ref)) {
        ctx.addIssue({
          code: 'custom',
          path: ['requirements', index, 'ref'],
          message: `duplicate ref "${requirement.ref}"`,
        });
      }
      if (requirement.parentRef !== null && !seen.has(requirement.parentRef)) {
        ctx.addIssue({
          code: 'custom',
          path: ['requirements', index, 'parentRef'],
          message: `parent "${requirement.parentRef}" must appear earlier in the file`,
        });
      }
      seen.add(requirement.ref);
    });
  });

export type FrameworkFile = z.infer<typeof frameworkFileSchema>;
export type RequirementContent = z.infer<typeof requirementSchema>;

export function readFrameworks(): Array<LoadedFile<FrameworkFile>> {
  return yamlFilesIn(contentPath('frameworks')).map((file) => {
    const loaded = readYamlFile(file, frameworkFileSchema);
    if (!file.endsWith(`${loaded.data.id}.yaml`))
      throw new Error(`${file}: id "${loaded.data.id}" must match the file name`);
    return loaded;
  });
}

/** Leaves of an assessable kind count towards readiness; everything else aggregates its children. */
export function assessableRefs(framework: FrameworkFile): Set<string> {
  const parents = new Set(
    framework.requirements.map((r) => r.parentRef).filter((ref): ref is string => ref !== null),
  );
  return new Set(
    framework.requirements
      .filter((r) => ASSESSABLE_KINDS.has(r.kind) && !parents.has(r.ref))
      .map((r) => r.ref),
  );
}
