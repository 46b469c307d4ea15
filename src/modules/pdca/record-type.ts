import type { Executor } from '../../db/database.js';
import type { DB } from '../../db/schema.js';
import type { Phase } from './schema.js';

export interface Clock {
  today: string;
  now: string;
}

/** A record type, classified Plan, Do, Check or Act, with how to count it and what "overdue" means for it. */
export interface RecordType {
  type: string;
  phase: Phase;
  label: string;
  link: string;
  total(db: Executor): Promise<number>;
  overdue?(db: Executor, clock: Clock): Promise<number>;
}

type CountQuery = { executeTakeFirst(): Promise<{ n: string | number | bigint } | undefined> };
export const run = async (query: CountQuery) => Number((await query.executeTakeFirst())?.n ?? 0);
export const all = (table: keyof DB) => (db: Executor) =>
  run(db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')));
