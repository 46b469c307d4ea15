import { z } from 'zod';
import { ROLES } from '../modules/auth/permissions.js';
import { contentPath } from './paths.js';
import { readYamlFile } from './yaml-file.js';

export const courseTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case'),
    title: z.string().min(1).max(200),
    description: z.string().min(1).max(5000),
    material: z.string().min(100).max(100_000),
    audience: z
      .object({
        roles: z.array(z.enum(ROLES)).min(1),
        departments: z.array(z.string().min(1).max(200)).default([]),
      })
      .strict(),
    recurrenceMonths: z.number().int().min(1).max(120).nullable().default(null),
    durationMinutes: z.number().int().min(1).max(10_000).nullable().default(null),
    passScore: z.number().int().min(0).max(100).nullable().default(null),
    isoRefs: z
      .array(z.string().regex(/^(A\.)?\d+(\.\d+)*$/, 'must be a clause or Annex A reference'))
      .min(1)
      .max(20),
  })
  .strict();

const fileSchema = z
  .object({ version: z.number().int().positive(), courses: z.array(courseTemplateSchema).min(1) })
  .strict()
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.courses.forEach((course, index) => {
      if (seen.has(course.id))
        ctx.addIssue({
          code: 'custom',
          path: ['courses', index, 'id'],
          message: `duplicate id ${course.id}`,
        });
      seen.add(course.id);
    });
  });

export type CourseTemplate = z.infer<typeof courseTemplateSchema>;

const cache = new Map<string, CourseTemplate[]>();

/** The starter course library (content/courses.yaml), schema-checked once; a broken file names its path. */
export function loadCourseTemplates(file = contentPath('courses.yaml')): CourseTemplate[] {
  const cached = cache.get(file);
  if (cached) return cached;
  const templates = readYamlFile(file, fileSchema).data.courses;
  cache.set(file, templates);
  return templates;
}
