import type { Db } from '../../db/database.js';
import { readBool } from '../../db/dialect.js';
import type { FrameworksTable } from '../../db/schema.js';
import { NotFoundError } from '../../lib/errors.js';
import { nowIso, todayIso } from '../../lib/time.js';
import { type Actor, authorize } from '../shared/actor.js';
import { appendTrail } from '../trail/service.js';
import { evaluateFramework } from './evaluate-framework.js';
import * as repo from './repository.js';
import type { Framework, RequirementDetail, RequirementItem } from './schema.js';

const frameworkOf = (requirementId: string) => requirementId.slice(0, requirementId.indexOf(':'));
const refOf = (requirementId: string) => requirementId.slice(requirementId.indexOf(':') + 1);

function presentFramework(row: FrameworksTable & { requirement_count?: number | null }): Framework {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    publisher: row.publisher,
    version: row.version,
    description: row.description,
    contentVersion: row.content_version,
    inScope: readBool(row.in_scope),
    requirementCount: Number(row.requirement_count ?? 0),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

interface CrossMapping {
  frameworkId: string;
  ref: string;
  relationship: RequirementItem['mappings'][number]['relationship'];
  direction: 'to' | 'from';
  rationale: string;
}

function crossMappings(
  requirementId: string,
  rows: Awaited<ReturnType<typeof repo.frameworkMappingsOf>>,
): CrossMapping[] {
  return rows.flatMap((m): CrossMapping[] => {
    const relationship = m.relationship as CrossMapping['relationship'];
    if (m.from_requirement_id === requirementId) {
      return [
        {
          frameworkId: frameworkOf(m.to_requirement_id),
          ref: refOf(m.to_requirement_id),
          relationship,
          direction: 'to',
          rationale: m.rationale,
        },
      ];
    }
    if (m.to_requirement_id === requirementId) {
      return [
        {
          frameworkId: frameworkOf(m.from_requirement_id),
          ref: refOf(m.from_requirement_id),
          relationship,
          direction: 'from',
          rationale: m.rationale,
        },
      ];
    }
    return [];
  });
}

export function createFrameworksService(db: Db) {
  async function mustFind(id: string) {
    const framework = await repo.findFramework(db.kysely, id);
    if (!framework) throw new NotFoundError('framework', id);
    return framework;
  }

  return {
    async list(actor: Actor): Promise<{ items: Framework[] }> {
      authorize(actor, 'records:read');
      return { items: (await repo.listFrameworks(db.kysely)).map(presentFramework) };
    },

    async get(actor: Actor, id: string): Promise<Framework> {
      authorize(actor, 'records:read');
      const row = (await repo.listFrameworks(db.kysely)).find((f) => f.id === id);
      if (!row) throw new NotFoundError('framework', id);
      return presentFramework(row);
    },

    /** Putting a framework in scope adopts every library control that maps to it. */
    async update(actor: Actor, id: string, input: { inScope: boolean }): Promise<Framework> {
      authorize(actor, 'aims:configure');
      await db.transaction(async (trx) => {
        const before = await repo.findFramework(trx, id);
        if (!before) throw new NotFoundError('framework', id);
        const now = nowIso();
        await trx
          .updateTable('frameworks')
          .set({ in_scope: db.dialect.bool(input.inScope), updated_at: now })
          .where('id', '=', id)
          .execute();
        const adopted = input.inScope ? await repo.adoptControlsFor(trx, db.dialect, id, now) : [];
        await appendTrail(db, trx, actor, {
          entityType: 'framework',
          entityId: id,
          action: 'update',
          before: { inScope: readBool(before.in_scope) },
          after: { inScope: input.inScope, adoptedControls: adopted },
        });
      });
      return this.get(actor, id);
    },

    async requirements(actor: Actor, id: string): Promise<{ frameworkId: string; items: RequirementItem[] }> {
      authorize(actor, 'records:read');
      await mustFind(id);
      const evaluation = await evaluateFramework(db, id);
      const cross = await repo.frameworkMappingsOf(
        db.kysely,
        evaluation.requirements.map((r) => r.id),
      );
      const controlsByRequirement = new Map<string, string[]>();
      for (const edge of evaluation.edges) {
        controlsByRequirement.set(edge.requirementId, [
          ...(controlsByRequirement.get(edge.requirementId) ?? []),
          edge.controlId,
        ]);
      }
      return {
        frameworkId: id,
        items: evaluation.requirements.map((r) => {
          const e = evaluation.evaluations.get(r.id);
          return {
            ref: r.ref,
            title: r.title,
            parentRef: r.parent_ref,
            kind: r.kind as RequirementItem['kind'],
            status: e?.status ?? 'not_applicable',
            assessable: readBool(r.assessable),
            counted: e?.counted ?? false,
            controlIds: controlsByRequirement.get(r.id) ?? [],
            mappings: crossMappings(r.id, cross).map(({ rationale: _rationale, ...m }) => m),
          };
        }),
      };
    },

    /** One requirement with the reasons for its status: controls, their state and evidence, SoA, mappings. */
    async requirement(actor: Actor, id: string, ref: string): Promise<RequirementDetail> {
      authorize(actor, 'records:read');
      await mustFind(id);
      const requirement = await repo.findRequirement(db.kysely, id, ref);
      if (!requirement) throw new NotFoundError('requirement', `${id} ${ref}`);
      const evaluation = await evaluateFramework(db, id);
      const e = evaluation.evaluations.get(requirement.id);
      const mappings = await db.kysely
        .selectFrom('control_mappings')
        .innerJoin('controls', 'controls.id', 'control_mappings.control_id')
        .leftJoin('people as owner', 'owner.id', 'controls.owner_id')
        .select([
          'controls.id',
          'controls.name',
          'controls.status',
          'controls.owner_id',
          'owner.name as owner_name',
          'control_mappings.relationship',
          'control_mappings.rationale',
        ])
        .where('control_mappings.requirement_id', '=', requirement.id)
        .where('controls.adopted', '=', db.dialect.bool(true))
        .orderBy('controls.id')
        .execute();
      const evidence = await db.kysely
        .selectFrom('evidence_controls')
        .innerJoin('evidence', 'evidence.id', 'evidence_controls.evidence_id')
        .select(['evidence_controls.control_id', 'evidence.id', 'evidence.title', 'evidence.valid_until'])
        .where('evidence_controls.control_id', 'in', mappings.length > 0 ? mappings.map((m) => m.id) : [''])
        .orderBy('evidence.title')
        .execute();
      const [soa, confirmation, cross] = await Promise.all([
        db.kysely
          .selectFrom('soa_entries')
          .selectAll()
          .where('requirement_id', '=', requirement.id)
          .executeTakeFirst(),
        db.kysely
          .selectFrom('coverage_confirmations')
          .selectAll()
          .where('requirement_id', '=', requirement.id)
          .executeTakeFirst(),
        repo.frameworkMappingsOf(db.kysely, [requirement.id]),
      ]);
      const titles = new Map(
        (
          await db.kysely
            .selectFrom('requirements')
            .select(['id', 'title'])
            .where(
              'id',
              'in',
              cross.length > 0 ? cross.flatMap((m) => [m.from_requirement_id, m.to_requirement_id]) : [''],
            )
            .execute()
        ).map((r) => [r.id, r.title]),
      );
      const today = todayIso();
      return {
        frameworkId: id,
        ref: requirement.ref,
        title: requirement.title,
        parentRef: requirement.parent_ref,
        kind: requirement.kind as RequirementDetail['kind'],
        summary: requirement.summary,
        auditorFocus: requirement.auditor_focus,
        typicalEvidence: JSON.parse(requirement.typical_evidence) as string[],
        appliesTo: requirement.applies_to ? JSON.parse(requirement.applies_to) : null,
        status: e?.status ?? 'not_applicable',
        counted: e?.counted ?? false,
        reason: e?.reason ?? '',
        notCoveredReason: requirement.not_covered_reason,
        controls: mappings.map((m) => {
          const state = evaluation.operating.get(m.id) ?? { operating: false, reason: 'Unknown control.' };
          return {
            id: m.id,
            name: m.name,
            relationship: m.relationship as RequirementDetail['controls'][number]['relationship'],
            rationale: m.rationale,
            status: m.status,
            owner: m.owner_id ? { id: m.owner_id, name: m.owner_name ?? '' } : null,
            operating: state.operating,
            operatingReason: state.reason,
            evidence: evidence
              .filter((ev) => ev.control_id === m.id)
              .map((ev) => ({
                id: ev.id,
                title: ev.title,
                validUntil: ev.valid_until,
                stale: ev.valid_until !== null && ev.valid_until < today,
              })),
          };
        }),
        soa: soa ? { applicable: readBool(soa.applicable), justification: soa.justification } : null,
        coverageConfirmation: confirmation
          ? {
              confirmedBy: confirmation.confirmed_by,
              confirmedAt: confirmation.confirmed_at,
              note: confirmation.note,
            }
          : null,
        mappings: crossMappings(requirement.id, cross).map((m) => ({
          ...m,
          title: titles.get(`${m.frameworkId}:${m.ref}`) ?? '',
        })),
      };
    },

    /** Records a manager's judgement that partially covering controls together cover a requirement. */
    async confirmCoverage(
      actor: Actor,
      id: string,
      ref: string,
      note: string | null,
    ): Promise<RequirementDetail> {
      authorize(actor, 'aims:configure');
      const requirement = await repo.findRequirement(db.kysely, id, ref);
      if (!requirement) throw new NotFoundError('requirement', `${id} ${ref}`);
      await db.transaction(async (trx) => {
        const before = await trx
          .selectFrom('coverage_confirmations')
          .selectAll()
          .where('requirement_id', '=', requirement.id)
          .executeTakeFirst();
        await trx.deleteFrom('coverage_confirmations').where('requirement_id', '=', requirement.id).execute();
        const after =
          note === null
            ? undefined
            : { requirement_id: requirement.id, confirmed_by: actor.label, confirmed_at: nowIso(), note };
        if (after) await trx.insertInto('coverage_confirmations').values(after).execute();
        await appendTrail(db, trx, actor, {
          entityType: 'coverage_confirmation',
          entityId: requirement.id,
          action: after ? (before ? 'update' : 'create') : 'delete',
          before,
          after,
        });
      });
      return this.requirement(actor, id, ref);
    },
  };
}

export type FrameworksService = ReturnType<typeof createFrameworksService>;
