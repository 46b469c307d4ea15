import type { MatrixPart } from './part.js';

export const trainingPart: MatrixPart = {
  expected: {},
  fixture: async () => undefined,
};
