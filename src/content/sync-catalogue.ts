import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { nowIso } from '../lib/time.js';
import { readControlLibrary } from './controls.js';
import { assessableRefs, type FrameworkFile, readFrameworks } from './frameworks.js';
import { readFrameworkMappings } from './mappings.js';
import { contentPath } from './paths.js';
import { yamlFilesIn } from './yaml-file.js';

const HASH_KEY = 'catalogue_content_hash';
const BATCH = 200;

export const requirementId = (frameworkId: string, ref: string) => `${frameworkId}:${ref}`;

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

async function insertInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH) await insert(rows.slice(start, start + BATCH));
}

/** Checks every cross-file reference before anything is written, naming the file and the bad ref. */
function checkReferences(
  frameworks: Map<string, FrameworkFile>,
  library: ReturnType<typeof readControlLibrary>,
  mappings: ReturnType<typeof readFrameworkMappings>,
): void {
  const has = (frameworkId: string, ref: string) =>
    frameworks.get(frameworkId)?.requirements.some((r) => r.ref === ref) ?? false;
  for (const { file, data } of library.files) {
    for (const control of data.controls) {
      for (const mapping of control.mappings) {
        if (!has(mapping.framework, mapping.ref)) {
          throw new Error(
            `${file}: ${control.id}: mapping to unknown requirement ${mapping.framework} "${mapping.ref}"`,
          );
        }
      }
    }
  }
  for (const item of library.notCovered?.data.items ?? []) {
    if (!has(item.framework, item.ref)) {
      throw new Error(`${library.notCovered?.file}: unknown requirement ${item.framework} "${item.ref}"`);
    }
  }
  for (const { file, data } of mappings) {
    for (const mapping of data.mappings) {
      if (!has(data.from, mapping.from))
        throw new Error(`${file}: unknown ${data.from} requirement "${mapping.from}"`);
      if (!has(data.to, mapping.to))
        throw new Error(`${file}: unknown ${data.to} requirement "${mapping.to}"`);
    }
  }
}

async function syncFrameworks(
  trx: Transaction<DB>,
  frameworks: Array<{ data: FrameworkFile; text: string }>,
  notCovered: Map<string, string>,
  now: string,
  bool: (value: boolean) => boolean | number,
): Promise<void> {
  for (const { data, text } of frameworks) {
    const row = {
      name: data.name,
      short_name: data.shortName,
      publisher: data.publisher,
      version: data.version,
      description: data.description,
      content_version: data.contentVersion,
      content_hash: sha256(text),
    };
    const existing = await trx
      .selectFrom('frameworks')
      .select('id')
      .where('id', '=', data.id)
      .executeTakeFirst();
    if (existing)
      await trx
        .updateTable('frameworks')
        .set({ ...row, updated_at: now })
        .where('id', '=', data.id)
        .execute();
    else
      await trx
        .insertInto('frameworks')
        .values({ id: data.id, ...row, in_scope: bool(false), created_at: now, updated_at: now })
        .execute();

    const assessable = assessableRefs(data);
    const wanted = data.requirements.map((r, position) => {
      const id = requirementId(data.id, r.ref);
      return {
        id,
        framework_id: data.id,
        ref: r.ref,
        parent_ref: r.parentRef,
        kind: r.kind,
        title: r.title,
        summary: r.summary,
        auditor_focus: r.auditorFocus ?? '',
        typical_evidence: JSON.stringify(r.typicalEvidence ?? []),
        applies_to: r.appliesTo ? JSON.stringify(r.appliesTo) : null,
        position,
        assessable: bool(assessable.has(r.ref)),
        not_covered_reason: notCovered.get(id) ?? null,
      };
    });
    const present = new Set(
      (await trx.selectFrom('requirements').select('id').where('framework_id', '=', data.id).execute()).map(
        (r) => r.id,
      ),
    );
    const keep = new Set(wanted.map((r) => r.id));
    const gone = [...present].filter((id) => !keep.has(id));
    if (gone.length > 0) await trx.deleteFrom('requirements').where('id', 'in', gone).execute();
    for (const requirement of wanted.filter((r) => present.has(r.id))) {
      const { id, ...fields } = requirement;
      await trx
        .updateTable('requirements')
        .set({ ...fields, updated_at: now })
        .where('id', '=', id)
        .execute();
    }
    await insertInBatches(
      wanted.filter((r) => !present.has(r.id)).map((r) => ({ ...r, created_at: now, updated_at: now })),
      (batch) => trx.insertInto('requirements').values(batch).execute(),
    );
  }
}

async function syncControls(
  trx: Transaction<DB>,
  library: ReturnType<typeof readControlLibrary>,
  now: string,
  bool: (value: boolean) => boolean | number,
): Promise<void> {
  const controls = library.files.flatMap((f) =>
    f.data.controls.map((control) => ({ control, version: f.data.contentVersion })),
  );
  const existing = new Set(
    (await trx.selectFrom('controls').select('id').where('source', '=', 'library').execute()).map(
      (r) => r.id,
    ),
  );
  for (const { control, version } of controls) {
    // Content columns only: owner, status, notes and adoption belong to the organisation.
    const content = {
      name: control.name,
      domain: control.domain,
      description: control.description,
      owner_role: control.ownerRole,
      frequency: control.frequency,
      evidence_required: bool(control.evidenceRequired),
      expected_evidence: JSON.stringify(control.expectedEvidence),
      content_version: version,
      content_hash: sha256(JSON.stringify(control)),
    };
    if (existing.has(control.id)) {
      await trx
        .updateTable('controls')
        .set({ ...content, updated_at: now })
        .where('id', '=', control.id)
        .execute();
    } else {
      await trx
        .insertInto('controls')
        .values({
          id: control.id,
          source: 'library',
          ...content,
          adopted: bool(false),
          owner_id: null,
          status: 'not_started',
          implementation_notes: '',
          last_reviewed_at: null,
          next_review_due: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  }
  await trx.deleteFrom('control_mappings').where('source', '=', 'library').execute();
  await insertInBatches(
    controls.flatMap(({ control }) =>
      control.mappings.map((m) => ({
        control_id: control.id,
        requirement_id: requirementId(m.framework, m.ref),
        relationship: m.relationship,
        rationale: m.rationale,
        source: 'library',
      })),
    ),
    (batch) =>
      trx
        .insertInto('control_mappings')
        .values(batch)
        .onConflict((oc) => oc.doNothing())
        .execute(),
  );
}

/**
 * Loads the framework catalogues, the control library and the framework mappings into the database.
 * Idempotent and cheap when nothing changed (one hash over every file); otherwise one transaction.
 */
export async function syncCatalogue(db: Db): Promise<{ changed: boolean }> {
  // Hashing the raw files is cheap; parsing and checking them is not, so that only happens on a change.
  const files = ['frameworks', 'controls', 'mappings'].flatMap((dir) => yamlFilesIn(contentPath(dir)));
  const hash = sha256(
    files.map((file) => `${path.basename(file)}\n${readFileSync(file, 'utf8')}`).join('\n---\n'),
  );
  const stored = await db.kysely
    .selectFrom('settings')
    .select('value')
    .where('key', '=', HASH_KEY)
    .executeTakeFirst();
  if (stored?.value === hash) return { changed: false };

  const frameworks = readFrameworks();
  const library = readControlLibrary();
  const mappings = readFrameworkMappings();
  const byId = new Map(frameworks.map((f) => [f.data.id as string, f.data]));
  checkReferences(byId, library, mappings);
  const notCovered = new Map(
    (library.notCovered?.data.items ?? []).map((i) => [requirementId(i.framework, i.ref), i.reason]),
  );
  const bool = db.dialect.bool;
  await db.transaction(async (trx) => {
    const now = nowIso();
    await syncFrameworks(trx, frameworks, notCovered, now, bool);
    await syncControls(trx, library, now, bool);
    await trx.deleteFrom('framework_mappings').execute();
    await insertInBatches(
      mappings.flatMap(({ data }) =>
        data.mappings.map((m) => ({
          from_requirement_id: requirementId(data.from, m.from),
          to_requirement_id: requirementId(data.to, m.to),
          relationship: m.relationship,
          rationale: m.rationale,
        })),
      ),
      (batch) =>
        trx
          .insertInto('framework_mappings')
          .values(batch)
          .onConflict((oc) => oc.doNothing())
          .execute(),
    );
    await trx
      .insertInto('settings')
      .values({ key: HASH_KEY, value: hash, updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: hash, updated_at: now }))
      .execute();
  });
  return { changed: true };
}
