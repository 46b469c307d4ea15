import { z } from 'zod';
import { celSource, cronSchedule, resourceTypeName, SEVERITIES } from '../monitoring/test-definition.js';
import { contentPath } from './paths.js';
import { type LoadedFile, readYamlFile, yamlFilesIn } from './yaml-file.js';

const text = (max: number) => z.string().trim().min(1).max(max);
const attributes = z.record(z.string(), z.unknown());

/** A related resource a fixture needs for lookup() or resources(). */
const relatedFixture = z
  .object({ type: resourceTypeName(), externalId: text(200), name: text(200).optional(), attributes })
  .strict();

/** Attributes merged over the resource type's example; related resources feed lookup()/resources(). */
const fixture = z
  .object({ name: text(200).optional(), attributes, related: z.array(relatedFixture).default([]) })
  .strict();

export const builtinTestSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case')
      .max(80),
    title: text(160),
    description: text(1500),
    severity: z.enum(SEVERITIES),
    resourceType: resourceTypeName(),
    /** Resources for which this is false get `not_applicable` instead of being evaluated. */
    appliesWhen: celSource().optional(),
    condition: celSource(),
    controls: z.array(z.string().regex(/^AIMS-[A-Z]+-\d{2}$/)).min(1),
    remediation: text(1500),
    schedule: cronSchedule().optional(),
    enabled: z.boolean().default(true),
    /** Why a test ships disabled, e.g. "needs the policies module". */
    disabledReason: text(300).optional(),
    fixtures: z.object({ pass: fixture, fail: fixture }).strict(),
  })
  .strict()
  .refine((t) => t.enabled || t.disabledReason, {
    message: 'a disabled built-in test needs a disabledReason',
    path: ['disabledReason'],
  });

export type BuiltinTest = z.infer<typeof builtinTestSchema>;

const testFileSchema = z
  .object({ contentVersion: z.number().int().positive(), tests: z.array(builtinTestSchema).min(1) })
  .strict();

export interface LoadedTests {
  files: Array<LoadedFile<z.infer<typeof testFileSchema>>>;
  tests: BuiltinTest[];
}

/** Every built-in test from content/tests/*.yaml; ids are unique across files. */
export function loadBuiltinTests(dir = contentPath('tests')): LoadedTests {
  const files = yamlFilesIn(dir).map((file) => readYamlFile(file, testFileSchema));
  const tests: BuiltinTest[] = [];
  const seen = new Map<string, string>();
  for (const file of files) {
    for (const test of file.data.tests) {
      const other = seen.get(test.id);
      if (other) throw new Error(`${file.file}: test id "${test.id}" is also defined in ${other}`);
      seen.set(test.id, file.file);
      tests.push(test);
    }
  }
  return { files, tests };
}
