import { sql } from 'kysely';
import type { Db } from '../src/db/database.js';
import type { DB } from '../src/db/schema.js';
import { newId } from '../src/lib/ids.js';
import { nowIso } from '../src/lib/time.js';
import { attributesHash } from '../src/monitoring/engine/resource-store.js';
import { saveTestVersion } from '../src/monitoring/test-store.js';
import { random } from './seed.js';

export interface MonitoringShape {
  types: number;
  perType: number;
  testsPerType: number;
}

const BATCH = 500;
const DAY_MS = 86_400_000;
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'ap-south-1'];
const ENVIRONMENTS = ['prod', 'staging', 'dev'];
const TAGS = ['pci', 'gdpr', 'batch', 'ml', 'edge', 'legacy'];
// Yearly, so the worker's minute tick never starts a full sweep while latency is being measured.
const SCHEDULE = '0 0 1 1 *';

export const typeName = (t: number) => `bench-type-${String(t + 1).padStart(2, '0')}`;

/** Realistic attributes; each "anomaly" (the thing a failing test catches) hits about 5% of resources. */
function attributesFor(rand: () => number, now: number): Record<string, unknown> {
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)] as T;
  const anomaly = () => rand() < 0.05;
  const tags = TAGS.filter(() => rand() < 0.25);
  return {
    replicas: 1 + Math.floor(rand() * 12),
    cpuPercent: anomaly() ? 95 + Math.round(rand() * 500) / 100 : Math.round(rand() * 9400) / 100,
    memoryMb: 256 * (1 + Math.floor(rand() * 64)),
    region: pick(REGIONS),
    environment: pick(ENVIRONMENTS),
    owner: anomaly() ? '' : `team-${Math.floor(rand() * 40)}@bench.example`,
    encrypted: !anomaly(),
    publicAccess: rand() < 0.1,
    lastScannedAt: new Date(now - (anomaly() ? 91 + rand() * 300 : rand() * 80) * DAY_MS).toISOString(),
    tags: anomaly() ? tags : ['managed', ...tags],
    version: `${anomaly() ? 0 : 1 + Math.floor(rand() * 4)}.${Math.floor(rand() * 20)}.${Math.floor(rand() * 9)}`,
    score: Math.round(rand() * 1000) / 1000,
  };
}

// Six in sixty tests (10%) catch an anomaly, so each fails for about 5% of its resources.
const FAILING = [
  'resource.encrypted',
  'daysSince(resource.lastScannedAt) <= 90.0',
  'size(resource.owner) > 0',
  "resource.tags.exists(t, t == 'managed')",
  'resource.cpuPercent < 95.0',
  "!resource.version.startsWith('0.')",
];
// The rest hold for every resource (or do not apply); `k` varies thresholds so no two tests are equal.
const PASSING: Array<(k: number) => [string | null, string]> = [
  (k) => [null, `resource.replicas >= 1 && resource.replicas <= ${12 + k}`],
  (k) => [null, `resource.memoryMb >= ${256 - k}`],
  () => [null, "resource.region in ['eu-west-1', 'eu-central-1', 'us-east-1', 'ap-south-1']"],
  (k) => [null, `size(resource.tags) <= ${7 + k}`],
  () => [null, "resource.version.matches('^[0-9]+[.][0-9]+[.][0-9]+$')"],
  (k) => [null, `daysSince(resource.lastScannedAt) < ${400 + k}.0`],
  () => [null, 'resource.score >= 0.0 && resource.score <= 1.0'],
  (k) => [null, `resource.tags.all(t, size(t) < ${10 + k})`],
  (k) => ["resource.environment == 'prod'", `resource.replicas >= 1 && resource.memoryMb > ${k}`],
  () => [null, "resource.name.startsWith('bench-') && resource.id.contains('-')"],
  () => ['resource.publicAccess', "resource.owner == '' || resource.owner.contains('@')"],
  () => [null, "size(resource.region.split('-')) == 3"],
  () => [null, "resource.environment.upperAscii() in ['PROD', 'STAGING', 'DEV']"],
  (k) => [null, `resource.cpuPercent >= 0.0 && resource.replicas * ${k + 1}.0 > 0.0`],
];

function conditionFor(index: number): [string | null, string] {
  if (index % 10 === 0) return [null, FAILING[(index / 10) % FAILING.length] as string];
  const template = PASSING[index % PASSING.length] as (k: number) => [string | null, string];
  return template(index);
}

/**
 * Seeds one push integration with `types × perType` resources and `types × testsPerType` enabled tests,
 * straight into the tables (tests through saveTestVersion, as the tests service writes them).
 */
export async function seedMonitoring(db: Db, shape: MonitoringShape): Promise<{ types: string[] }> {
  const rand = random(4201);
  const now = nowIso();
  const nowMs = Date.parse(now);
  const integrationId = newId();
  const types = Array.from({ length: shape.types }, (_, t) => typeName(t));
  await db.transaction(async (trx) => {
    await trx
      .insertInto('integrations')
      .values({
        id: integrationId,
        kind: 'push',
        name: 'Bench pipelines',
        config: '{}',
        secrets: null,
        schedule: '0 * * * *',
        enabled: db.dialect.bool(true),
        owner_id: null,
        next_sync_at: null,
        last_sync_at: null,
        last_success_at: now,
        last_error: null,
        last_error_at: null,
        resource_count: shape.types * shape.perType,
        created_at: now,
        updated_at: now,
      })
      .execute();
    for (const type of types) {
      for (let start = 0; start < shape.perType; start += BATCH) {
        const rows: DB['resources'][] = [];
        for (let i = start; i < Math.min(shape.perType, start + BATCH); i++) {
          const attributes = attributesFor(rand, nowMs);
          rows.push({
            id: newId(),
            integration_id: integrationId,
            type,
            external_id: `${type}-${i}`,
            name: `bench-${type}-${i}`,
            attributes: JSON.stringify(attributes),
            attributes_hash: attributesHash(attributes),
            collected_at: now,
            changed_at: now,
          });
        }
        await trx.insertInto('resources').values(rows).execute();
      }
      for (let j = 0; j < shape.testsPerType; j++) {
        const [appliesWhen, condition] = conditionFor(j);
        await saveTestVersion(trx, db.dialect, {
          id: `${type}-test-${String(j + 1).padStart(2, '0')}`,
          definition: {
            title: `${type} check ${j + 1}`,
            description: 'Synthetic benchmark test.',
            severity: j % 10 === 0 ? 'high' : 'low',
            resourceType: type,
            appliesWhen,
            condition,
            controls: [],
            remediation: 'None: benchmark data.',
            ownerId: null,
            schedule: SCHEDULE,
            enabled: true,
          },
          builtin: false,
          disabledReason: null,
          contentHash: null,
          author: 'bench',
          now,
        });
      }
    }
  });
  await sql`analyze`.execute(db.kysely);
  return { types };
}
