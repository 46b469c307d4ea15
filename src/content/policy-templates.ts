import path from 'node:path';
import { z } from 'zod';
import { ROLES } from '../modules/auth/permissions.js';
import { contentPath } from './paths.js';
import { readYamlFile, yamlFilesIn } from './yaml-file.js';

export const POLICY_CATEGORIES = [
  'governance',
  'development',
  'use',
  'data',
  'risk',
  'impact',
  'incident',
  'third_party',
  'change',
  'oversight',
  'transparency',
  'other',
] as const;

export const policyTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1).max(200),
    summary: z.string().min(1).max(600),
    category: z.enum(POLICY_CATEGORIES),
    isoRefs: z
      .array(z.string().regex(/^(A\.)?\d+(\.\d+)*$/))
      .min(1)
      .max(10),
    reviewCadenceMonths: z.number().int().min(1).max(60),
    audience: z
      .object({
        roles: z.array(z.enum(ROLES)).min(1),
        departments: z.array(z.string().min(1).max(200)).default([]),
      })
      .strict(),
    body: z.string().min(200),
  })
  .strict();

export type PolicyTemplate = z.infer<typeof policyTemplateSchema>;

let cache: PolicyTemplate[] | undefined;

/** The policy templates under content/policy-templates/, one file each, named by id; checked at first use. */
export function loadPolicyTemplates(dir = contentPath('policy-templates')): PolicyTemplate[] {
  if (cache && dir === contentPath('policy-templates')) return cache;
  const templates = yamlFilesIn(dir).map((file) => {
    const { data } = readYamlFile(file, policyTemplateSchema);
    if (`${data.id}.yaml` !== path.basename(file))
      throw new Error(`${file}: id "${data.id}" must match the file name`);
    return data;
  });
  if (dir === contentPath('policy-templates')) cache = templates;
  return templates;
}

/** Fills the template's placeholders ({{organisation}}, {{aimsOwner}}) for one organisation. */
export function fillTemplate(body: string, values: { organisation: string; aimsOwner: string }): string {
  return body
    .replaceAll('{{organisation}}', values.organisation)
    .replaceAll('{{aimsOwner}}', values.aimsOwner);
}
