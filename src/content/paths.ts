import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The same code runs from src/ (tests) and dist/ (built): content/ sits at the package root in both cases.
const here = path.dirname(fileURLToPath(import.meta.url));
const root = [path.resolve(here, '../..'), path.resolve(here, '../../..')].find((dir) =>
  existsSync(path.join(dir, 'content')),
);

export function contentPath(...parts: string[]): string {
  if (!root) throw new Error('The content/ folder was not found next to the OpenAIMS package.');
  return path.join(root, 'content', ...parts);
}
