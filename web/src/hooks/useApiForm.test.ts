import { describe, expect, it } from 'vitest';
import { formPath } from './useApiForm.js';

describe('API field names as form paths', () => {
  it.each([
    ['name', 'name'],
    ['models[0].name', 'models.0.name'],
    ['models.1.version', 'models.1.version'],
    ['answers[2][3]', 'answers.2.3'],
  ])('%s → %s', (field, path) => {
    expect(formPath(field)).toBe(path);
  });
});
