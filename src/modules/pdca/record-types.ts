import { ACT_RECORDS } from './act-records.js';
import { CHECK_RECORDS } from './check-records.js';
import { DO_RECORDS } from './do-records.js';
import { PLAN_RECORDS } from './plan-records.js';
import type { RecordType } from './record-type.js';

/** Every record type, in cycle order. */
export const RECORD_TYPES: RecordType[] = [...PLAN_RECORDS, ...DO_RECORDS, ...CHECK_RECORDS, ...ACT_RECORDS];
