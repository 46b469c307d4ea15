import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { Dialect } from '../../db/dialect.js';
import { RISK_TIERS } from '../ai-systems/schema.js';

export const CHANGE_TYPES = [
  'model_retraining',
  'new_model_version',
  'training_data_change',
  'new_intended_use',
  'deployment_environment_change',
  'vendor_model_version_change',
] as const;
export type ChangeType = (typeof CHANGE_TYPES)[number];

/** Who signs: the AI system's owner, the accountable person of the AIMS owner role, or anyone holding an AIMS role. */
const signoff = z.union([
  z.literal('system_owner'),
  z.literal('aims_owner'),
  z.string().regex(/^role:[0-9a-f-]{36}$/, 'system_owner, aims_owner or role:<AIMS role id>'),
]);

export const signoffRulesSchema = z
  .object({
    /** The requester never signs off their own change. */
    separation: z.boolean(),
    rules: z
      .array(
        z
          .object({
            changeTypes: z.array(z.enum(CHANGE_TYPES)).describe('Empty: every change type.'),
            riskTiers: z.array(z.enum(RISK_TIERS)).describe('Empty: every risk tier.'),
            materialOnly: z.boolean(),
            signoffs: z.array(signoff).min(1),
          })
          .strict(),
      )
      .max(50),
  })
  .strict()
  .meta({ id: 'ChangeSignoffRules' });

export type SignoffRules = z.infer<typeof signoffRulesSchema>;

/** Every change needs its system's owner; material ones and any on a high-risk system also the AIMS owner. */
export const DEFAULT_RULES: SignoffRules = {
  separation: true,
  rules: [
    { changeTypes: [], riskTiers: [], materialOnly: false, signoffs: ['system_owner'] },
    { changeTypes: [], riskTiers: [], materialOnly: true, signoffs: ['aims_owner'] },
    {
      changeTypes: [],
      riskTiers: ['high', 'prohibited', 'gpai'],
      materialOnly: false,
      signoffs: ['aims_owner'],
    },
  ],
};

const KEY = 'change_signoff_rules';

export async function readSignoffRules(db: Executor): Promise<SignoffRules> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', KEY).executeTakeFirst();
  const parsed = row ? signoffRulesSchema.safeParse(JSON.parse(row.value)) : undefined;
  return parsed?.success ? parsed.data : DEFAULT_RULES;
}

export async function writeSignoffRules(db: Executor, rules: SignoffRules, now: string) {
  await db.deleteFrom('settings').where('key', '=', KEY).execute();
  await db
    .insertInto('settings')
    .values({ key: KEY, value: JSON.stringify(rules), updated_at: now })
    .execute();
}

/** The sign-offs a change needs: the union of every matching rule's, in rule order. */
export function requiredSignoffs(
  rules: SignoffRules,
  change: { type: string; material: boolean; riskTier: string },
) {
  const needed: string[] = [];
  for (const rule of rules.rules) {
    if (rule.changeTypes.length > 0 && !rule.changeTypes.includes(change.type as ChangeType)) continue;
    if (rule.riskTiers.length > 0 && !rule.riskTiers.includes(change.riskTier as (typeof RISK_TIERS)[number]))
      continue;
    if (rule.materialOnly && !change.material) continue;
    for (const s of rule.signoffs) if (!needed.includes(s)) needed.push(s);
  }
  return needed;
}

/** Whether a person holds the sign-off: owns the system, or is responsible/accountable in the AIMS role. */
export async function holdsSignoff(
  db: Executor,
  dialect: Dialect,
  requirement: string,
  personId: string | null,
  systemOwnerId: string | null,
) {
  if (!personId) return false;
  if (requirement === 'system_owner') return personId === systemOwnerId;
  let query = db
    .selectFrom('aims_role_assignments')
    .innerJoin('aims_roles', 'aims_roles.id', 'aims_role_assignments.role_id')
    .select('aims_roles.id')
    .where('aims_role_assignments.person_id', '=', personId)
    .where('aims_role_assignments.raci', 'in', ['responsible', 'accountable']);
  query =
    requirement === 'aims_owner'
      ? query.where('aims_roles.aims_owner', '=', dialect.bool(true))
      : query.where('aims_roles.id', '=', requirement.slice('role:'.length));
  return (await query.executeTakeFirst()) !== undefined;
}

/** The requirement in words, for the UI and documents. */
export async function describeSignoff(db: Executor, requirement: string) {
  if (requirement === 'system_owner') return 'AI system owner';
  if (requirement === 'aims_owner') return 'AIMS owner';
  const role = await db
    .selectFrom('aims_roles')
    .select('name')
    .where('id', '=', requirement.slice(5))
    .executeTakeFirst();
  return role?.name ?? 'Unknown AIMS role';
}
