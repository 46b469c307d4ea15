import path from 'node:path';
import { z } from 'zod';
import { FIELDS, fieldForKey } from './columns.js';

export const csvConfigSchema = z
  .strictObject({
    resourceType: z.enum(['employee', 'asset'], { error: 'resourceType must be "employee" or "asset".' }),
    /** Read on each scheduled sync; without it, rows only arrive as uploads. */
    path: z
      .string()
      .refine((p) => path.isAbsolute(p), 'path must be the absolute path of a CSV file on the server.')
      .optional(),
    /** Without it: "," or ";", whichever the header line has more of. */
    delimiter: z.enum([',', ';', '\t'], { error: 'delimiter must be ",", ";" or a tab.' }).optional(),
    /** Attribute name → header in the file, for exports whose headers the defaults do not recognise. */
    columns: z
      .record(z.string(), z.string().trim().min(1, 'a column mapping needs a header name.'))
      .optional(),
  })
  .superRefine((config, ctx) => {
    for (const key of Object.keys(config.columns ?? {})) {
      if (fieldForKey(config.resourceType, key) !== undefined) continue;
      const known = Object.keys(FIELDS[config.resourceType]).join(', ');
      ctx.addIssue({
        code: 'custom',
        path: ['columns', key],
        message: `"${key}" is not an ${config.resourceType} attribute; use one of: ${known}.`,
      });
    }
  });

export type CsvConfig = z.infer<typeof csvConfigSchema>;

export const csvSecretsSchema = z.strictObject({});
export type CsvSecrets = z.infer<typeof csvSecretsSchema>;
