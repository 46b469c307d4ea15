export const ROLES = ['admin', 'manager', 'contributor', 'auditor', 'member'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do. Routes declare one permission each; services re-check it and add ownership rules
 * (a contributor's `records:write` only covers records it owns).
 */
const GRANTS = {
  public: ['admin', 'manager', 'contributor', 'auditor', 'member'],
  self: ['admin', 'manager', 'contributor', 'auditor', 'member'],
  'records:read': ['admin', 'manager', 'contributor', 'auditor'],
  /** Published policies: everyone reads them; the service shows members nothing else. */
  'policies:read': ['admin', 'manager', 'contributor', 'auditor', 'member'],
  'records:write': ['admin', 'manager', 'contributor'],
  'records:delete': ['admin', 'manager'],
  /** Carrying out an internal audit (start, results, findings, completion); services limit auditors and
   * contributors to the audits they lead or are on the team of. */
  'audits:conduct': ['admin', 'manager', 'contributor', 'auditor'],
  'people:write': ['admin', 'manager'],
  'aims:configure': ['admin', 'manager'],
  'trail:read': ['admin', 'manager', 'contributor', 'auditor'],
  'tokens:own': ['admin', 'manager', 'contributor'],
  'users:manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof GRANTS;
export const PERMISSIONS = Object.keys(GRANTS) as Permission[];

export function roleCan(role: Role, permission: Permission): boolean {
  return (GRANTS[permission] as readonly Role[]).includes(role);
}
