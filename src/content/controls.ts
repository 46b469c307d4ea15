import { z } from 'zod';
import { FRAMEWORK_IDS, RELATIONSHIPS } from './frameworks.js';
import { contentPath } from './paths.js';
import { type LoadedFile, readYamlFile, yamlFilesIn } from './yaml-file.js';

export const CONTROL_DOMAINS = [
  'governance',
  'risk',
  'impact',
  'lifecycle',
  'data',
  'resources',
  'transparency',
  'third_party',
  'operations',
  'people',
  'monitoring',
  'improvement',
  'security',
  'documentation',
] as const;
export const FREQUENCIES = [
  'continuous',
  'monthly',
  'quarterly',
  'semi_annual',
  'annual',
  'on_change',
] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

export const controlMappingSchema = z
  .object({
    framework: z.enum(FRAMEWORK_IDS),
    ref: text(40),
    relationship: z.enum(RELATIONSHIPS),
    rationale: text(600),
  })
  .strict();

const controlSchema = z
  .object({
    id: z.string().regex(/^AIMS-[A-Z]+-\d{2}$/, 'must look like AIMS-GOV-01'),
    name: text(120),
    domain: z.enum(CONTROL_DOMAINS),
    description: text(2000),
    ownerRole: text(120),
    frequency: z.enum(FREQUENCIES),
    evidenceRequired: z.boolean(),
    expectedEvidence: z.array(text(400)).min(1).max(8),
    mappings: z.array(controlMappingSchema).min(1),
  })
  .strict();

const controlFileSchema = z
  .object({ contentVersion: z.number().int().positive(), controls: z.array(controlSchema).min(1) })
  .strict();
const notCoveredFileSchema = z
  .object({
    contentVersion: z.number().int().positive(),
    items: z.array(z.object({ framework: z.enum(FRAMEWORK_IDS), ref: text(40), reason: text(600) }).strict()),
  })
  .strict();

export type ControlContent = z.infer<typeof controlSchema>;
export type NotCoveredFile = z.infer<typeof notCoveredFileSchema>;

export function readControlLibrary(): {
  files: Array<LoadedFile<z.infer<typeof controlFileSchema>>>;
  notCovered: LoadedFile<NotCoveredFile> | undefined;
} {
  const dir = contentPath('controls');
  const files = yamlFilesIn(dir, ['not-covered.yaml']).map((file) => readYamlFile(file, controlFileSchema));
  const seen = new Map<string, string>();
  for (const { file, data } of files) {
    for (const control of data.controls) {
      const other = seen.get(control.id);
      if (other) throw new Error(`${file}: control ${control.id} is also defined in ${other}`);
      seen.set(control.id, file);
    }
  }
  const notCoveredFile = yamlFilesIn(dir).find((file) => file.endsWith('not-covered.yaml'));
  return {
    files,
    notCovered: notCoveredFile ? readYamlFile(notCoveredFile, notCoveredFileSchema) : undefined,
  };
}
