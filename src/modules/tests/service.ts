import type { Db } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import type { TestsTable } from '../../db/schema.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { CelCompileError } from '../../monitoring/engine/cel.js';
import { compileTest } from '../../monitoring/engine/compile.js';
import { closeIssue } from '../../monitoring/engine/issues.js';
import { dryRun } from '../../monitoring/engine/runner.js';
import type { Monitor } from '../../monitoring/monitor.js';
import { DEFAULT_TEST_SCHEDULE } from '../../monitoring/test-definition.js';
import {
  definitionColumns,
  definitionOf,
  saveTestVersion,
  type TestDefinition,
} from '../../monitoring/test-store.js';
import { type Actor, authorize } from '../shared/actor.js';
import { type ListPage, runList } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { appendTrail } from '../trail/service.js';
import { presentTest } from './presenter.js';
import { decorationsFor, findTest, resultsOf } from './repository.js';
import {
  type ExclusionCreate,
  type Test,
  type TestCreate,
  type TestListQuery,
  type TestUpdate,
  testListSpec,
} from './schema.js';

/** Compiles both conditions; a syntax or type error is a 422 naming the field, line and column. */
export function assertCompiles(
  definition: Pick<TestDefinition, 'resourceType' | 'appliesWhen' | 'condition'>,
): void {
  try {
    compileTest(definition);
  } catch (error) {
    if (!(error instanceof CelCompileError)) throw error;
    const where = error.position ? `line ${error.position.line}, column ${error.position.column}: ` : '';
    throw ValidationError.field(error.field, `${where}${error.message}`);
  }
}

function presentResult(r: Awaited<ReturnType<typeof resultsOf>>[number]) {
  return {
    resourceId: r.resource_id,
    externalId: r.external_id,
    resourceName: r.name,
    resourceType: r.type,
    outcome: r.outcome as 'pass',
    reason: r.reason,
    testVersion: r.test_version,
    since: r.since,
    excluded: readBool(r.excluded),
    flapping: readBool(r.flapping),
  };
}

export function createTestsService(db: Db, monitor: Monitor) {
  async function mustFind(id: string): Promise<TestsTable> {
    const row = await findTest(db.kysely, id);
    if (!row) throw new NotFoundError('test', id);
    return row;
  }
  async function present(rows: TestsTable[]): Promise<Test[]> {
    const decorations = await decorationsFor(db.kysely, rows);
    return rows.map((row) => presentTest(row, decorations));
  }
  async function validate(definition: TestDefinition): Promise<void> {
    assertCompiles(definition);
    await assertReferences(db.kysely, [
      { field: 'ownerId', table: 'people', ids: definition.ownerId },
      { field: 'controls', table: 'controls', ids: definition.controls },
    ]);
  }
  /** Closes the issues of a test that stopped running, so nobody chases a result nothing maintains. */
  async function closeIssuesOf(testId: string, now: string) {
    await db.transaction(async (trx) => {
      const open = await trx
        .selectFrom('issues')
        .selectAll()
        .where('test_id', '=', testId)
        .where('status', '=', 'open')
        .execute();
      for (const issue of open) await closeIssue(trx, issue, 'test_disabled', null, now);
    });
  }

  return {
    async list(actor: Actor, query: TestListQuery): Promise<ListPage<Test>> {
      authorize(actor, 'records:read');
      const { rows, total } = await runList<TestsTable>(
        db.kysely.selectFrom('tests'),
        testListSpec,
        query,
        db.dialect,
        (q) => q.selectAll('tests'),
      );
      return { items: await present(rows), total, limit: query.limit, offset: query.offset };
    },

    async get(actor: Actor, id: string) {
      authorize(actor, 'records:read');
      const row = await mustFind(id);
      const [test] = await present([row]);
      const failing = (await resultsOf(db.kysely, id, ['fail', 'error'], 200)).filter(
        (r) => !readBool(r.excluded),
      );
      const runs = await db.kysely
        .selectFrom('test_runs')
        .selectAll()
        .where('test_id', '=', id)
        .orderBy('started_at', 'desc')
        .limit(10)
        .execute();
      return {
        ...(test as Test),
        failing: failing.map(presentResult),
        recentRuns: runs.map((r) => ({
          id: r.id,
          trigger: r.trigger,
          testVersion: r.test_version,
          startedAt: r.started_at,
          durationMs: r.duration_ms,
          counts: JSON.parse(r.counts) as Test['counts'],
          transitions: r.transitions,
          status: r.status,
          worker: r.worker,
        })),
      };
    },

    async results(actor: Actor, id: string, outcome?: string) {
      authorize(actor, 'records:read');
      await mustFind(id);
      return (await resultsOf(db.kysely, id, outcome ? [outcome] : [], 5000)).map(presentResult);
    },

    async create(actor: Actor, input: TestCreate): Promise<Test> {
      authorize(actor, 'aims:configure');
      const definition: TestDefinition = {
        title: input.title,
        description: input.description ?? '',
        severity: input.severity,
        resourceType: input.resourceType,
        appliesWhen: input.appliesWhen ?? null,
        condition: input.condition,
        controls: input.controls ?? [],
        remediation: input.remediation ?? '',
        ownerId: input.ownerId ?? null,
        schedule: input.schedule ?? DEFAULT_TEST_SCHEDULE,
        enabled: input.enabled ?? true,
      };
      await validate(definition);
      const id = newId();
      await db.transaction(async (trx) => {
        const now = nowIso();
        await saveTestVersion(trx, db.dialect, {
          id,
          definition,
          builtin: false,
          disabledReason: null,
          contentHash: null,
          author: actor.label,
          now,
        });
        await appendTrail(db, trx, actor, {
          entityType: 'test',
          entityId: id,
          action: 'create',
          after: { ...definition, version: 1 },
        });
      });
      if (definition.enabled) await monitor.runTest(id, { trigger: 'edit' });
      return (await present([await mustFind(id)]))[0] as Test;
    },

    /** Every edit is a new version; results record the version that produced them. */
    async update(actor: Actor, id: string, input: TestUpdate): Promise<Test> {
      authorize(actor, 'aims:configure');
      const existing = await mustFind(id);
      const before = definitionOf(existing);
      const definition: TestDefinition = {
        ...before,
        ...input,
        appliesWhen: input.appliesWhen === undefined ? before.appliesWhen : input.appliesWhen,
      };
      await validate(definition);
      const now = nowIso();
      await db.transaction(async (trx) => {
        await saveTestVersion(trx, db.dialect, {
          id,
          definition,
          builtin: readBool(existing.builtin),
          disabledReason: definition.enabled
            ? null
            : (existing.disabled_reason ?? 'disabled by the organisation'),
          contentHash: existing.content_hash,
          author: actor.label,
          now,
          existing,
        });
        await appendTrail(db, trx, actor, {
          entityType: 'test',
          entityId: id,
          action: 'update',
          before: { ...before, version: existing.version },
          after: { ...definition, version: existing.version + 1 },
        });
      });
      if (definition.enabled) await monitor.runTest(id, { trigger: 'edit' });
      else await closeIssuesOf(id, now);
      return (await present([await mustFind(id)]))[0] as Test;
    },

    async remove(actor: Actor, id: string): Promise<void> {
      authorize(actor, 'aims:configure');
      const existing = await mustFind(id);
      if (readBool(existing.builtin))
        throw new ConflictError('Built-in tests cannot be deleted; disable them instead.');
      await db.transaction(async (trx) => {
        await trx.deleteFrom('tests').where('id', '=', id).execute();
        await appendTrail(db, trx, actor, {
          entityType: 'test',
          entityId: id,
          action: 'delete',
          before: definitionOf(existing),
        });
      });
    },

    async versions(actor: Actor, id: string) {
      authorize(actor, 'records:read');
      await mustFind(id);
      const rows = await db.kysely
        .selectFrom('test_versions')
        .selectAll()
        .where('test_id', '=', id)
        .orderBy('version', 'desc')
        .execute();
      return rows.map((r) => ({
        version: r.version,
        definition: JSON.parse(r.definition) as Record<string, unknown>,
        createdBy: r.created_by,
        createdAt: r.created_at,
      }));
    },

    async run(actor: Actor, id: string) {
      authorize(actor, 'records:write');
      await mustFind(id);
      return monitor.runTest(id, { trigger: 'manual' });
    },

    /** Evaluates a test (or a changed copy of it, or a new definition) without writing anything. */
    async dryRun(actor: Actor, id: string | null, input: TestUpdate | TestCreate) {
      authorize(actor, 'records:read');
      const base = id ? await mustFind(id) : undefined;
      const merged = {
        ...(base
          ? definitionOf(base)
          : {
              description: '',
              controls: [],
              remediation: '',
              ownerId: null,
              schedule: DEFAULT_TEST_SCHEDULE,
              enabled: true,
              appliesWhen: null,
            }),
        ...input,
      } as TestDefinition;
      assertCompiles(merged);
      const row = {
        ...(base ?? ({ id: 'dry-run', version: 0, builtin: false, status: 'not_run' } as TestsTable)),
        ...definitionColumns(merged, db.dialect),
      } as TestsTable;
      return dryRun(db, row, { limit: 500 });
    },

    async exclusions(actor: Actor, id: string) {
      authorize(actor, 'records:read');
      await mustFind(id);
      const rows = await db.kysely
        .selectFrom('test_exclusions')
        .leftJoin('resources', 'resources.id', 'test_exclusions.resource_id')
        .selectAll('test_exclusions')
        .select('resources.name as resource_name')
        .where('test_id', '=', id)
        .orderBy('created_at', 'desc')
        .execute();
      const now = nowIso();
      return rows.map((r) => ({
        id: r.id,
        testId: r.test_id,
        resourceId: r.resource_id,
        resourceName: r.resource_name,
        reason: r.reason,
        createdBy: r.created_by,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
        active: r.revoked_at === null && (r.expires_at === null || r.expires_at > now),
        revokedAt: r.revoked_at,
        revokedBy: r.revoked_by,
      }));
    },

    async exclude(actor: Actor, id: string, input: ExclusionCreate) {
      authorize(actor, 'aims:configure');
      const test = await mustFind(id);
      const resource = await db.kysely
        .selectFrom('resources')
        .select(['id', 'type'])
        .where('id', '=', input.resourceId)
        .executeTakeFirst();
      if (!resource) throw ValidationError.field('resourceId', `no resource with id "${input.resourceId}"`);
      if (resource.type !== test.resource_type)
        throw ValidationError.field(
          'resourceId',
          `this test covers ${test.resource_type} resources, not ${resource.type}`,
        );
      if (input.expiresAt && input.expiresAt <= nowIso())
        throw ValidationError.field('expiresAt', 'must be in the future');
      const exclusionId = newId();
      await db.transaction(async (trx) => {
        const now = nowIso();
        const row = {
          id: exclusionId,
          test_id: id,
          resource_id: input.resourceId,
          reason: input.reason,
          created_by: actor.label,
          created_at: now,
          expires_at: input.expiresAt ?? null,
          revoked_at: null,
          revoked_by: null,
        };
        await trx.insertInto('test_exclusions').values(row).execute();
        await appendTrail(db, trx, actor, {
          entityType: 'test_exclusion',
          entityId: exclusionId,
          action: 'create',
          after: row,
        });
      });
      await monitor.runTest(id, { trigger: 'edit' });
      const created = (await this.exclusions(actor, id)).find((e) => e.id === exclusionId);
      if (!created) throw new NotFoundError('exclusion', exclusionId);
      return created;
    },

    async revokeExclusion(actor: Actor, id: string, exclusionId: string): Promise<void> {
      authorize(actor, 'aims:configure');
      const row = await db.kysely
        .selectFrom('test_exclusions')
        .selectAll()
        .where('id', '=', exclusionId)
        .where('test_id', '=', id)
        .executeTakeFirst();
      if (!row) throw new NotFoundError('exclusion', exclusionId);
      if (row.revoked_at) return;
      await db.transaction(async (trx) => {
        const now = nowIso();
        await trx
          .updateTable('test_exclusions')
          .set({ revoked_at: now, revoked_by: actor.label })
          .where('id', '=', exclusionId)
          .execute();
        await appendTrail(db, trx, actor, {
          entityType: 'test_exclusion',
          entityId: exclusionId,
          action: 'update',
          before: row,
          after: { ...row, revoked_at: now, revoked_by: actor.label },
        });
      });
      await monitor.runTest(id, { trigger: 'edit' });
    },
  };
}

export type TestsService = ReturnType<typeof createTestsService>;
