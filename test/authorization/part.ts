import type { Role } from '../../src/modules/auth/permissions.js';
import { ROLES } from '../../src/modules/auth/permissions.js';
import type { TestApp } from '../support/app.js';

export const ALL: Role[] = [...ROLES];
export const READERS: Role[] = ['admin', 'manager', 'contributor', 'auditor'];
export const CREATORS: Role[] = ['admin', 'manager', 'contributor'];
// Contributors may only edit records they own; the fixtures belong to someone else.
export const EDITORS_OF_OTHERS: Role[] = ['admin', 'manager'];
export const ADMIN: Role[] = ['admin'];

export type Allowed = Role[] | 'public';

export interface Attempt {
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A module's share of the authorisation matrix: the roles allowed on each of its routes (written by hand,
 * independently of the code's permission table) and a fresh fixture for each attempt. `fixture` answers
 * undefined for routes that are not its own.
 */
export interface MatrixPart {
  expected: Record<string, Allowed>;
  /** Runs once before the matrix, e.g. to make records every attempt shares. */
  prepare?(t: TestApp): Promise<void>;
  fixture(t: TestApp, route: string, role: Role): Promise<Attempt | undefined>;
}
