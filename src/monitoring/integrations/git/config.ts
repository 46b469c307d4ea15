import path from 'node:path';
import { z } from 'zod';

export const gitConfigSchema = z
  .object({
    paths: z
      .array(
        z
          .string()
          .min(1, 'must not be empty')
          .refine((p) => path.isAbsolute(p), 'must be an absolute path (a git work tree or a directory)'),
      )
      .min(1, 'list at least one path to scan')
      .max(50, 'at most 50 paths per integration: split them over several')
      .refine(
        (paths) => new Set(paths.map((p) => path.resolve(p))).size === paths.length,
        'paths must differ',
      ),
    /** gitignore-style patterns, relative to each path, for files to leave out of the scan. */
    ignore: z.array(z.string().min(1, 'must not be empty').max(500)).max(200).optional(),
  })
  .strict();

export type GitConfig = z.infer<typeof gitConfigSchema>;

/** Local paths need no credentials. */
export const gitSecretsSchema = z.object({}).strict();

export type GitSecrets = z.infer<typeof gitSecretsSchema>;
