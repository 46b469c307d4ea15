import type { MatrixPart } from './part.js';

export const accountabilityPart: MatrixPart = {
  expected: {},
  fixture: async () => undefined,
};
