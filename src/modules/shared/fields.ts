import { z } from 'zod';

/** Field building blocks shared by every register, so limits and messages are the same everywhere. */
export const shortText = (max = 200) => z.string().trim().max(max);
export const requiredName = (max = 200) => z.string().trim().min(1, 'must not be empty').max(max);
export const longText = (max = 20_000) => z.string().max(max);
export const isoDate = () => z.iso.date('must be a date as YYYY-MM-DD');
export const isoDateTime = () => z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' });
export const idRef = () => z.uuid('must be a record id (UUID)');
export const textList = (maxItems = 100, maxLength = 200) =>
  z.array(shortText(maxLength).min(1)).max(maxItems);
export const idList = (maxItems = 200) => z.array(idRef()).max(maxItems);
export const score = () => z.number().int().min(1).max(5);

export const idParams = z.object({ id: z.string().max(200) }).strict();

export const ownerSummary = z.object({ id: z.string(), name: z.string() }).nullable();

export const timestampsShape = {
  id: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
};
