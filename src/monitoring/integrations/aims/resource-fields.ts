import { z } from 'zod';

// Timestamps are ISO-8601 strings (dates as YYYY-MM-DD); in CEL, wrap them: timestamp(x) or daysSince(x).
export const when = z.string().nullable();
export const ids = z.array(z.string());
export const owner = {
  ownerId: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** False when there is no owner or the owner's person record is inactive. */
  ownerActive: z.boolean(),
};
export const exampleOwner = { ownerId: 'p-1', ownerName: 'Priya Raman', ownerActive: true };
