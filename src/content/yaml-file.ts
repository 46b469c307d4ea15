import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';

export interface LoadedFile<T> {
  file: string;
  text: string;
  data: T;
}

/** Reads one YAML content file and checks it against its schema; errors name the file, path and reason. */
export function readYamlFile<T extends z.ZodType>(file: string, schema: T): LoadedFile<z.infer<T>> {
  const text = readFileSync(file, 'utf8');
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`);
  }
  return { file, text, data: parsed.data };
}

export function yamlFilesIn(dir: string, except: string[] = []): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.yaml') && !except.includes(name))
      .sort()
      .map((name) => path.join(dir, name));
  } catch {
    return [];
  }
}
