import type { Db, Executor } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import { ConflictError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { newId } from '../../lib/ids.js';
import { nowIso } from '../../lib/time.js';
import { evaluateFramework } from '../frameworks/evaluate-framework.js';
import { type Actor, authorize } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import type { Soa, SoaRow, SoaVersion } from './schema.js';

/** Annex A controls of a framework: the rows of its Statement of Applicability. */
async function annexControls(db: Executor, frameworkId: string) {
  const requirements = await db
    .selectFrom('requirements')
    .selectAll()
    .where('framework_id', '=', frameworkId)
    .orderBy('position')
    .execute();
  const annexGroups = new Set(requirements.filter((r) => r.parent_ref === 'A').map((r) => r.ref));
  const groupOf = (ref: string | null): string => {
    let current = requirements.find((r) => r.ref === ref);
    while (current && !annexGroups.has(current.ref))
      current = requirements.find((r) => r.ref === current?.parent_ref);
    return current ? `${current.ref} ${current.title}` : '';
  };
  return requirements
    .filter((r) => r.kind === 'control' && r.ref.startsWith('A.'))
    .map((r) => ({ ...r, group: groupOf(r.ref) }));
}

function versionOf(row: {
  framework_id: string;
  version: number;
  approved_by: string;
  approved_at: string;
  changelog: string;
  snapshot: string;
}): SoaVersion {
  return {
    frameworkId: row.framework_id,
    version: row.version,
    approvedBy: row.approved_by,
    approvedAt: row.approved_at,
    changelog: row.changelog,
    rows: JSON.parse(row.snapshot) as SoaRow[],
  };
}

export function createSoaService(db: Db) {
  async function assertInScope(frameworkId: string) {
    const framework = await db.kysely
      .selectFrom('frameworks')
      .select(['id', 'in_scope'])
      .where('id', '=', frameworkId)
      .executeTakeFirst();
    if (!framework) throw new NotFoundError('framework', frameworkId);
    if (!readBool(framework.in_scope))
      throw new ConflictError(
        `${frameworkId} is not in scope; put it in scope to keep its Statement of Applicability.`,
      );
  }

  async function draftRows(frameworkId: string): Promise<SoaRow[]> {
    const [controls, evaluation, entries] = await Promise.all([
      annexControls(db.kysely, frameworkId),
      evaluateFramework(db, frameworkId),
      db.kysely
        .selectFrom('soa_entries')
        .selectAll()
        .where('requirement_id', 'like', `${frameworkId}:%`)
        .execute(),
    ]);
    const entryOf = new Map(entries.map((e) => [e.requirement_id, e]));
    const controlIds = new Map<string, string[]>();
    for (const edge of evaluation.edges)
      controlIds.set(edge.requirementId, [...(controlIds.get(edge.requirementId) ?? []), edge.controlId]);
    const evidence = await db.kysely
      .selectFrom('evidence_controls')
      .select(['control_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy('control_id')
      .execute();
    const evidenceOf = new Map(evidence.map((e) => [e.control_id, Number(e.n)]));
    return controls.map((c) => {
      const entry = entryOf.get(c.id);
      const ids = (controlIds.get(c.id) ?? []).sort();
      return {
        ref: c.ref,
        title: c.title,
        group: c.group,
        applicable: entry ? readBool(entry.applicable) : true,
        justification: entry?.justification ?? '',
        implementationStatus: evaluation.evaluations.get(c.id)?.status ?? 'not_met',
        controlIds: ids,
        evidenceCount: ids.reduce((sum, id) => sum + (evidenceOf.get(id) ?? 0), 0),
        decidedBy: entry?.updated_by ?? null,
        decidedAt: entry?.updated_at ?? null,
      };
    });
  }

  async function latestVersion(frameworkId: string) {
    return db.kysely
      .selectFrom('soa_versions')
      .selectAll()
      .where('framework_id', '=', frameworkId)
      .orderBy('version', 'desc')
      .limit(1)
      .executeTakeFirst();
  }

  async function mustVersion(frameworkId: string, version: number): Promise<SoaVersion> {
    const row = await db.kysely
      .selectFrom('soa_versions')
      .selectAll()
      .where('framework_id', '=', frameworkId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('SoA version', `${frameworkId} v${version}`);
    return versionOf(row);
  }

  return {
    async draft(actor: Actor, frameworkId: string): Promise<Soa> {
      authorize(actor, 'records:read');
      await assertInScope(frameworkId);
      const rows = await draftRows(frameworkId);
      return {
        frameworkId,
        state: 'draft',
        latestApprovedVersion: (await latestVersion(frameworkId))?.version ?? null,
        missingJustifications: rows.filter((r) => !r.justification.trim()).map((r) => r.ref),
        rows,
      };
    },

    /** Decides one row. Excluding a control always needs a justification. */
    async updateRow(
      actor: Actor,
      frameworkId: string,
      ref: string,
      input: { applicable: boolean; justification?: string },
    ): Promise<SoaRow> {
      authorize(actor, 'aims:configure');
      await assertInScope(frameworkId);
      const justification = input.justification?.trim() ?? '';
      if (!input.applicable && !justification)
        throw ValidationError.field('justification', 'an exclusion needs a justification');
      const requirementId = `${frameworkId}:${ref}`;
      if (!(await annexControls(db.kysely, frameworkId)).some((c) => c.id === requirementId)) {
        throw new NotFoundError('Annex A control', `${frameworkId} ${ref}`);
      }
      await db.transaction(async (trx) => {
        const before = await trx
          .selectFrom('soa_entries')
          .selectAll()
          .where('requirement_id', '=', requirementId)
          .executeTakeFirst();
        const after = {
          requirement_id: requirementId,
          applicable: db.dialect.bool(input.applicable),
          justification,
          updated_by: actor.label,
          updated_at: nowIso(),
        };
        await trx.deleteFrom('soa_entries').where('requirement_id', '=', requirementId).execute();
        await trx.insertInto('soa_entries').values(after).execute();
        await appendTrail(db, trx, actor, {
          entityType: 'soa_row',
          entityId: requirementId,
          action: before ? 'update' : 'create',
          before: before && { applicable: readBool(before.applicable), justification: before.justification },
          after: { applicable: input.applicable, justification },
        });
      });
      const row = (await draftRows(frameworkId)).find((r) => r.ref === ref);
      if (!row) throw new NotFoundError('Annex A control', `${frameworkId} ${ref}`);
      return row;
    },

    /** Freezes the working draft into the next numbered version. */
    async approve(actor: Actor, frameworkId: string, changelog: string): Promise<SoaVersion> {
      authorize(actor, 'aims:configure');
      await assertInScope(frameworkId);
      const rows = await draftRows(frameworkId);
      const missing = rows.filter((r) => !r.justification.trim());
      if (missing.length > 0) {
        throw new ValidationError(
          missing.map((r) => ({
            field: `rows.${r.ref}.justification`,
            message: 'needs a justification before approval',
          })),
          `${missing.length} rows still need a justification.`,
        );
      }
      return db.transaction(async (trx) => {
        const latest = await trx
          .selectFrom('soa_versions')
          .select('version')
          .where('framework_id', '=', frameworkId)
          .orderBy('version', 'desc')
          .limit(1)
          .executeTakeFirst();
        const now = nowIso();
        const row = {
          id: newId(),
          framework_id: frameworkId,
          version: (latest?.version ?? 0) + 1,
          approved_by: actor.label,
          approved_at: now,
          changelog,
          snapshot: JSON.stringify(rows),
          created_at: now,
          updated_at: now,
        };
        await trx.insertInto('soa_versions').values(row).execute();
        const version = versionOf(row);
        await appendTrail(db, trx, actor, {
          entityType: 'soa_version',
          entityId: row.id,
          action: 'create',
          after: {
            frameworkId,
            version: version.version,
            changelog,
            rows: rows.length,
            excluded: rows.filter((r) => !r.applicable).length,
          },
        });
        return version;
      });
    },

    async versions(actor: Actor, frameworkId: string) {
      authorize(actor, 'records:read');
      const rows = await db.kysely
        .selectFrom('soa_versions')
        .selectAll()
        .where('framework_id', '=', frameworkId)
        .orderBy('version', 'desc')
        .execute();
      return {
        items: rows.map((r) => {
          const { rows: snapshot, ...version } = versionOf(r);
          return {
            ...version,
            applicableCount: snapshot.filter((s) => s.applicable).length,
            excludedCount: snapshot.filter((s) => !s.applicable).length,
          };
        }),
      };
    },

    async version(actor: Actor, frameworkId: string, version: number): Promise<SoaVersion> {
      authorize(actor, 'records:read');
      return mustVersion(frameworkId, version);
    },

    async diff(actor: Actor, frameworkId: string, from: number, to: number | 'draft') {
      authorize(actor, 'records:read');
      const before = (await mustVersion(frameworkId, from)).rows;
      const after = to === 'draft' ? await draftRows(frameworkId) : (await mustVersion(frameworkId, to)).rows;
      const beforeOf = new Map(before.map((r) => [r.ref, r]));
      const fields = [
        'applicable',
        'justification',
        'implementationStatus',
        'controlIds',
        'evidenceCount',
      ] as const;
      const changes = after.flatMap((row) => {
        const old = beforeOf.get(row.ref);
        const changed = fields
          .filter((f) => JSON.stringify(old?.[f] ?? null) !== JSON.stringify(row[f]))
          .map((f) => ({ field: f, from: old?.[f] ?? null, to: row[f] }));
        return changed.length > 0 ? [{ ref: row.ref, title: row.title, fields: changed }] : [];
      });
      return { frameworkId, from, to, changes };
    },

    /** The version to export: the one asked for, else the latest approved, else the draft (marked DRAFT). */
    async forExport(actor: Actor, frameworkId: string, version?: number) {
      authorize(actor, 'records:read');
      if (version !== undefined) return { draft: false, ...(await mustVersion(frameworkId, version)) };
      const latest = await latestVersion(frameworkId);
      if (latest) return { draft: false, ...versionOf(latest) };
      const draft = await this.draft(actor, frameworkId);
      return {
        draft: true,
        frameworkId,
        version: 0,
        approvedBy: '',
        approvedAt: '',
        changelog: '',
        rows: draft.rows,
      };
    },
  };
}

export type SoaService = ReturnType<typeof createSoaService>;
