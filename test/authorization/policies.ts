import type { MatrixPart } from './part.js';

export const policiesPart: MatrixPart = {
  expected: {},
  fixture: async () => undefined,
};
