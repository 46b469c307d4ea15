import path from 'node:path';
import { z } from 'zod';
import type { FieldError } from '../lib/errors.js';
import { contentPath } from './paths.js';
import { readYamlFile, yamlFilesIn } from './yaml-file.js';

export const IMPACT_LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

const key = z.string().regex(/^[a-z][a-z0-9_]*$/);
const question = z
  .object({
    id: key,
    text: z.string().min(1),
    help: z.string().optional(),
    type: z.enum(['text', 'choice']),
    required: z.boolean(),
    options: z
      .array(
        z.object({ value: key, label: z.string().min(1), score: z.number().int().min(0).max(10) }).strict(),
      )
      .min(2)
      .optional(),
  })
  .strict()
  .refine((q) => (q.type === 'choice') === (q.options !== undefined), {
    message: 'choice questions, and only they, have options',
  });

export const impactTemplateSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    version: z.number().int().positive(),
    description: z.string().min(1),
    sections: z
      .array(
        z
          .object({
            id: key,
            title: z.string().min(1),
            guidance: z.string().min(1),
            questions: z.array(question).min(1),
          })
          .strict(),
      )
      .min(1),
    scoring: z
      .object({
        levels: z
          .array(z.object({ level: z.enum(IMPACT_LEVELS), minScore: z.number().int().min(0) }).strict())
          .min(1),
        floors: z
          .array(
            z.object({ question: key, values: z.array(key).min(1), level: z.enum(IMPACT_LEVELS) }).strict(),
          )
          .default([]),
      })
      .strict(),
  })
  .strict()
  .superRefine((template, ctx) => {
    const choices = new Map(
      template.sections
        .flatMap((s) => s.questions)
        .filter((q) => q.options)
        .map((q) => [q.id, q.options?.map((o) => o.value) ?? []]),
    );
    template.scoring.floors.forEach((floor, i) => {
      const values = choices.get(floor.question);
      if (!values)
        ctx.addIssue({
          code: 'custom',
          path: ['scoring', 'floors', i, 'question'],
          message: `no choice question ${floor.question}`,
        });
      else if (floor.values.some((v) => !values.includes(v)))
        ctx.addIssue({
          code: 'custom',
          path: ['scoring', 'floors', i, 'values'],
          message: 'names a value the question does not offer',
        });
    });
    const ids = template.sections.flatMap((s) => s.questions.map((q) => q.id));
    if (new Set(ids).size !== ids.length)
      ctx.addIssue({ code: 'custom', path: ['sections'], message: 'question ids must be unique' });
  });

export type ImpactTemplate = z.infer<typeof impactTemplateSchema>;
export type Answers = Record<string, string>;

let cache: ImpactTemplate[] | undefined;

/** The questionnaires under content/impact-assessment-templates/, one per file, named by id. */
export function loadImpactTemplates(): ImpactTemplate[] {
  cache ??= yamlFilesIn(contentPath('impact-assessment-templates')).map((file) => {
    const { data } = readYamlFile(file, impactTemplateSchema);
    if (`${data.id}.yaml` !== path.basename(file))
      throw new Error(`${file}: id "${data.id}" must match the file name`);
    return data;
  });
  return cache;
}

const questionsOf = (template: ImpactTemplate) => template.sections.flatMap((s) => s.questions);

/** Answers that name no question, or a choice the question does not offer. */
export function answerErrors(template: ImpactTemplate, answers: Answers): FieldError[] {
  const questions = new Map(questionsOf(template).map((q) => [q.id, q]));
  const errors: FieldError[] = [];
  for (const [id, value] of Object.entries(answers)) {
    const q = questions.get(id);
    if (!q) errors.push({ field: `answers.${id}`, message: 'no such question in the template' });
    else if (q.options && !q.options.some((o) => o.value === value))
      errors.push({
        field: `answers.${id}`,
        message: `must be one of ${q.options.map((o) => o.value).join(', ')}`,
      });
  }
  return errors;
}

/** Required questions still without an answer. */
export const unanswered = (template: ImpactTemplate, answers: Answers) =>
  questionsOf(template)
    .filter((q) => q.required && !(answers[q.id] ?? '').trim())
    .map((q) => q.id);

/** The sum of the chosen options' scores, and the level it reaches (raised by any floor the answers hit). */
export function scoreAnswers(
  template: ImpactTemplate,
  answers: Answers,
): { score: number; level: ImpactLevel } {
  let score = 0;
  for (const q of questionsOf(template))
    score += q.options?.find((o) => o.value === answers[q.id])?.score ?? 0;
  const rank = (level: ImpactLevel) => IMPACT_LEVELS.indexOf(level);
  let level =
    [...template.scoring.levels].sort((a, b) => b.minScore - a.minScore).find((l) => score >= l.minScore)
      ?.level ?? 'low';
  for (const floor of template.scoring.floors)
    if (floor.values.includes(answers[floor.question] ?? '') && rank(floor.level) > rank(level))
      level = floor.level;
  return { score, level };
}
