import type { Readable } from 'node:stream';
import type { Db, Executor } from '../../db/database.js';
import type { EvidenceVersionsTable } from '../../db/schema.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { isUuid, newId } from '../../lib/ids.js';
import { nowIso, todayIso } from '../../lib/time.js';
import { type Actor, assertOwnership, authorize } from '../shared/actor.js';
import type { ListPage } from '../shared/list.js';
import { assertReferences } from '../shared/references.js';
import { createRegisterService } from '../shared/register-service.js';
import { appendTrail } from '../trail/service.js';
import type { BlobStore } from './blob-store.js';
import * as repo from './repository.js';
import type {
  Evidence,
  EvidenceCreate,
  EvidenceListQuery,
  EvidenceUpdate,
  EvidenceVersion,
  VersionCreate,
} from './schema.js';

export interface FileUpload {
  stream: Readable;
  filename: string;
  contentType: string;
}

function presentVersion(v: EvidenceVersionsTable): EvidenceVersion {
  return {
    version: v.version,
    kind: v.kind as EvidenceVersion['kind'],
    sha256: v.blob_sha256,
    filename: v.filename,
    contentType: v.content_type,
    sizeBytes: v.size_bytes === null ? null : Number(v.size_bytes),
    url: v.url,
    note: v.note,
    collectedAt: v.collected_at,
    validUntil: v.valid_until,
    createdBy: v.created_by,
    createdAt: v.created_at,
  };
}

function present(
  row: repo.EvidenceRow,
  controls: Map<string, string[]>,
  latest: Map<string, EvidenceVersionsTable>,
): Evidence {
  const version = latest.get(row.id);
  const state =
    row.latest_version === 0
      ? 'empty'
      : row.valid_until !== null && row.valid_until < todayIso()
        ? 'stale'
        : 'current';
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    kind: row.kind as Evidence['kind'],
    ownerId: row.owner_id,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name ?? '' } : null,
    controlIds: controls.get(row.id) ?? [],
    latestVersion: row.latest_version,
    collectedAt: row.collected_at,
    validUntil: row.valid_until,
    state,
    latest: version ? presentVersion(version) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

async function assertControls(db: Executor, controlIds: string[] | undefined) {
  if (!controlIds || controlIds.length === 0) return;
  const found = new Set(
    (await db.selectFrom('controls').select('id').where('id', 'in', controlIds).execute()).map((r) => r.id),
  );
  const errors = controlIds.flatMap((id, index) =>
    found.has(id) ? [] : [{ field: `controlIds[${index}]`, message: `no control with id "${id}"` }],
  );
  if (errors.length > 0) throw new ValidationError(errors);
}

/** Evidence items with immutable versions; every version's content hash is written to the trail. */
export function createEvidenceService(db: Db, blobs: BlobStore) {
  async function load(executor: Executor, id: string): Promise<Evidence | undefined> {
    const row = isUuid(id) ? await repo.findEvidence(executor, id) : undefined;
    if (!row) return undefined;
    const [controls, latest] = await Promise.all([
      repo.controlIdsOf(executor, [id]),
      repo.latestVersions(executor, [row]),
    ]);
    return present(row, controls, latest);
  }
  async function mustLoad(executor: Executor, id: string): Promise<Evidence> {
    const evidence = await load(executor, id);
    if (!evidence) throw new NotFoundError('evidence item', id);
    return evidence;
  }

  const register = createRegisterService<EvidenceCreate, EvidenceUpdate, Evidence>(db, {
    entityType: 'evidence',
    label: 'evidence item',
    permissions: { read: 'records:read', write: 'records:write', delete: 'records:delete' },
    owner: { current: (record) => record.ownerId, requested: (input) => input.ownerId },
    load,
    async validate(executor, input) {
      await assertReferences(executor, [{ field: 'ownerId', table: 'people', ids: input.ownerId }]);
      await assertControls(executor, input.controlIds);
    },
    async insert(trx, id, input, now) {
      await trx
        .insertInto('evidence')
        .values({
          id,
          title: input.title,
          description: input.description ?? '',
          kind: input.kind,
          owner_id: input.ownerId ?? null,
          latest_version: 0,
          collected_at: null,
          valid_until: input.validUntil ?? null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await repo.replaceEvidenceControls(trx, id, input.controlIds ?? []);
    },
    async patch(trx, id, input, now) {
      await trx
        .updateTable('evidence')
        .set({
          title: input.title,
          description: input.description,
          owner_id: input.ownerId,
          valid_until: input.validUntil,
          updated_at: now,
        })
        .where('id', '=', id)
        .execute();
      if (input.controlIds) await repo.replaceEvidenceControls(trx, id, input.controlIds);
    },
    async remove(trx, id) {
      await trx.deleteFrom('evidence').where('id', '=', id).execute();
    },
  });

  async function writeVersion(
    actor: Actor,
    id: string,
    content: {
      kind: Evidence['kind'];
      blob?: { sha256: string; sizeBytes: number; filename: string; contentType: string };
      url?: string;
      note?: string;
    },
    meta: { collectedAt?: string; validUntil?: string | null },
  ): Promise<Evidence> {
    return db.transaction(async (trx) => {
      const before = await mustLoad(trx, id);
      assertOwnership(actor, before.ownerId);
      if (content.kind !== before.kind)
        throw ValidationError.field('kind', `this evidence item holds ${before.kind}s`);
      const version = before.latestVersion + 1;
      const now = nowIso();
      const validUntil = meta.validUntil === undefined ? before.validUntil : meta.validUntil;
      const collectedAt = meta.collectedAt ?? now;
      await trx
        .insertInto('evidence_versions')
        .values({
          id: newId(),
          evidence_id: id,
          version,
          kind: content.kind,
          blob_sha256: content.blob?.sha256 ?? null,
          filename: content.blob?.filename ?? null,
          content_type: content.blob?.contentType ?? null,
          size_bytes: content.blob?.sizeBytes ?? null,
          url: content.url ?? null,
          note: content.note ?? null,
          collected_at: collectedAt,
          valid_until: validUntil,
          created_by: actor.label,
          created_at: now,
        })
        .execute();
      await trx
        .updateTable('evidence')
        .set({ latest_version: version, collected_at: collectedAt, valid_until: validUntil, updated_at: now })
        .where('id', '=', id)
        .execute();
      const after = await mustLoad(trx, id);
      await appendTrail(db, trx, actor, {
        entityType: 'evidence',
        entityId: id,
        action: 'update',
        before,
        after,
      });
      return after;
    });
  }

  return {
    async list(actor: Actor, query: EvidenceListQuery): Promise<ListPage<Evidence>> {
      authorize(actor, 'records:read');
      const { rows, total } = await repo.listEvidence(db.kysely, db.dialect, query);
      const [controls, latest] = await Promise.all([
        repo.controlIdsOf(
          db.kysely,
          rows.map((r) => r.id),
        ),
        repo.latestVersions(db.kysely, rows),
      ]);
      return {
        items: rows.map((r) => present(r, controls, latest)),
        total,
        limit: query.limit,
        offset: query.offset,
      };
    },

    get: register.get,
    update: register.update,
    remove: register.remove,

    /** Creates the item; links and notes get their first version at once, files when uploaded. */
    async create(actor: Actor, input: EvidenceCreate): Promise<Evidence> {
      const created = await register.create(actor, input);
      if (input.kind === 'file') return created;
      return writeVersion(actor, created.id, { kind: input.kind, url: input.url, note: input.note }, input);
    },

    async addVersion(actor: Actor, id: string, input: VersionCreate): Promise<Evidence> {
      authorize(actor, 'records:write');
      const existing = await mustLoad(db.kysely, id);
      if (existing.kind === 'link' && !input.url)
        throw ValidationError.field('url', 'a new link version needs a url');
      if (existing.kind === 'note' && !input.note)
        throw ValidationError.field('note', 'a new note version needs its text');
      if (existing.kind === 'file')
        throw ValidationError.field('file', 'upload the file as multipart/form-data');
      return writeVersion(actor, id, { kind: existing.kind, url: input.url, note: input.note }, input);
    },

    /** Streams the file into the blob store first (deduplicated by hash), then records the version. */
    async upload(
      actor: Actor,
      id: string,
      file: FileUpload,
      meta: { collectedAt?: string; validUntil?: string | null },
    ) {
      authorize(actor, 'records:write');
      const existing = await mustLoad(db.kysely, id);
      assertOwnership(actor, existing.ownerId);
      if (existing.kind !== 'file')
        throw ValidationError.field('file', `this evidence item holds ${existing.kind}s, not files`);
      const blob = await blobs.put(file.stream);
      return writeVersion(
        actor,
        id,
        { kind: 'file', blob: { ...blob, filename: file.filename, contentType: file.contentType } },
        meta,
      );
    },

    async versions(actor: Actor, id: string): Promise<{ items: EvidenceVersion[] }> {
      authorize(actor, 'records:read');
      await mustLoad(db.kysely, id);
      return { items: (await repo.versionsOf(db.kysely, id)).map(presentVersion) };
    },

    async download(actor: Actor, id: string, version: number) {
      authorize(actor, 'records:read');
      await mustLoad(db.kysely, id);
      const row = await repo.findVersion(db.kysely, id, version);
      if (!row) throw new NotFoundError('evidence version', `${id} v${version}`);
      if (!row.blob_sha256) throw new NotFoundError('file in evidence version', `${id} v${version}`);
      return {
        stream: await blobs.open(row.blob_sha256),
        filename: row.filename ?? `evidence-${version}`,
        contentType: row.content_type ?? 'application/octet-stream',
        sizeBytes: Number(row.size_bytes ?? 0),
        sha256: row.blob_sha256,
      };
    },
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
