import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import type { NotificationRule } from './notification-schema.js';
import type { SeriousCategory, Severity } from './schema.js';

const days = () => z.number().int().min(1).max(90);

export const incidentSettingsSchema = z
  .object({
    /** Days from becoming aware of a serious incident to the Art. 73 report, per serious category. */
    art73Days: z
      .object({ general: days(), death: days(), widespread_or_critical_infrastructure: days() })
      .strict(),
  })
  .strict()
  .meta({ id: 'IncidentSettings' });

export type IncidentSettings = z.infer<typeof incidentSettingsSchema>;

/** The longest the EU AI Act allows; an organisation may set shorter internal targets. */
export const DEFAULT_INCIDENT_SETTINGS: IncidentSettings = {
  art73Days: { general: 15, death: 10, widespread_or_critical_infrastructure: 2 },
};

export const INCIDENT_SETTINGS_KEY = 'incidents';

/** Days from detection to resolution that monitoring expects, per severity (A.8.4, clause 10.1). */
export const RESOLUTION_TARGET_DAYS: Record<Severity, number> = {
  critical: 14,
  high: 30,
  medium: 60,
  low: 90,
};

export async function readIncidentSettings(db: Executor): Promise<IncidentSettings> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', INCIDENT_SETTINGS_KEY)
    .executeTakeFirst();
  const parsed = row ? incidentSettingsSchema.safeParse(JSON.parse(row.value)) : undefined;
  return parsed?.success ? parsed.data : DEFAULT_INCIDENT_SETTINGS;
}

export async function writeIncidentSettings(db: Executor, settings: IncidentSettings, now: string) {
  const value = JSON.stringify(settings);
  await db
    .insertInto('settings')
    .values({ key: INCIDENT_SETTINGS_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}

const ART73_BASIS: Record<SeriousCategory, string> = {
  general: 'EU AI Act Art. 73(2): no later than 15 days after becoming aware',
  death: 'Art. 73(4): 10 days in the event of a death',
  widespread_or_critical_infrastructure:
    'Art. 73(3): 2 days for a widespread infringement or a serious incident under Art. 3(49)(b)',
};
export const GDPR_BASIS = 'GDPR Art. 33: 72 hours';
const GDPR_HOURS = 72;
const HOUR_MS = 3_600_000;

export const RULE_PARTIES: Record<NotificationRule, string> = {
  eu_ai_act_art73: 'Market surveillance authority',
  gdpr_art33: 'Data protection authority',
};

/** What decides the automatic notifications of one incident. */
export interface DeadlineFacts {
  serious: boolean;
  seriousCategory: SeriousCategory | null;
  harmType: string;
  detectedAt: string;
  /** At least one affected AI system is high-risk. */
  highRisk: boolean;
}

export interface WantedNotification {
  rule: NotificationRule;
  party: string;
  basis: string;
  dueAt: string;
}

const after = (from: string, hours: number) => new Date(Date.parse(from) + hours * HOUR_MS).toISOString();

/**
 * The notifications the law asks for. Deadlines run from when the organisation became aware (detectedAt),
 * which is when both Art. 73 and GDPR Art. 33 start their clocks.
 */
export function wantedNotifications(facts: DeadlineFacts, settings: IncidentSettings): WantedNotification[] {
  const wanted: WantedNotification[] = [];
  if (facts.serious && facts.highRisk) {
    const category = facts.seriousCategory ?? 'general';
    const configured = settings.art73Days[category];
    const legal = DEFAULT_INCIDENT_SETTINGS.art73Days[category];
    wanted.push({
      rule: 'eu_ai_act_art73',
      party: RULE_PARTIES.eu_ai_act_art73,
      basis:
        configured === legal
          ? ART73_BASIS[category]
          : `${ART73_BASIS[category]} (configured: ${configured} days)`,
      dueAt: after(facts.detectedAt, configured * 24),
    });
  }
  if (facts.harmType === 'privacy')
    wanted.push({
      rule: 'gdpr_art33',
      party: RULE_PARTIES.gdpr_art33,
      basis: GDPR_BASIS,
      dueAt: after(facts.detectedAt, GDPR_HOURS),
    });
  return wanted;
}
