import type { Executor } from '../../db/database.js';
import { syncAutomaticNotifications } from './automatic.js';
import { notificationsOf } from './notification-repository.js';
import { insertIncident, nextReference, replaceSystems, riskTiersOf, updateIncident } from './repository.js';
import { assertClosable, assertConsistent, assertTransition, statusDates, toUtc } from './rules.js';
import type { Incident, IncidentCreate, IncidentUpdate } from './schema.js';
import { addTimeline, type WriteContext } from './timeline.js';

/** Fields whose change can create, move or drop a notification deadline. */
const DEADLINE_FIELDS = ['serious', 'seriousCategory', 'severity', 'harmType', 'detectedAt', 'aiSystemIds'];

const highRisk = async (db: Executor, systemIds: string[]) =>
  (await riskTiersOf(db, systemIds)).includes('high');

export async function createIncidentRows(ctx: WriteContext, id: string, input: IncidentCreate) {
  const { db, trx, now } = ctx;
  const detectedAt = toUtc(input.detectedAt ?? now);
  const occurredAt = toUtc(input.occurredAt ?? detectedAt);
  const serious = input.serious ?? false;
  const seriousCategory = input.seriousCategory ?? (serious ? 'general' : null);
  assertConsistent({ occurredAt, detectedAt, serious, seriousCategory });
  const ref = await nextReference(trx, db.dialect, Number(now.slice(0, 4)));
  await insertIncident(trx, {
    id,
    reference: ref.reference,
    ref_year: ref.year,
    ref_number: ref.number,
    title: input.title,
    description: input.description ?? '',
    severity: input.severity,
    harm_type: input.harmType,
    serious: db.dialect.bool(serious),
    serious_category: seriousCategory,
    occurred_at: occurredAt,
    detected_at: detectedAt,
    status: 'open',
    root_cause: input.rootCause ?? '',
    corrective_action_ids: JSON.stringify(input.correctiveActionIds ?? []),
    lessons_learned: input.lessonsLearned ?? '',
    owner_id: input.ownerId ?? null,
    resolved_at: null,
    closed_at: null,
    created_at: now,
    updated_at: now,
  });
  const systemIds = input.aiSystemIds ?? [];
  await replaceSystems(trx, id, systemIds);
  await addTimeline(ctx, id, { kind: 'status', text: `Recorded as ${ref.reference}, open.` });
  await syncAutomaticNotifications(ctx, id, {
    serious,
    seriousCategory,
    harmType: input.harmType,
    detectedAt,
    highRisk: await highRisk(trx, systemIds),
  });
}

export async function patchIncidentRows(
  ctx: WriteContext,
  id: string,
  input: IncidentUpdate,
  existing: Incident,
) {
  const { db, trx, now } = ctx;
  const serious = input.serious ?? existing.serious;
  // Un-marking an incident as serious drops its category; marking it serious starts at "general".
  const seriousCategory =
    input.seriousCategory !== undefined
      ? input.seriousCategory
      : serious
        ? (existing.seriousCategory ?? 'general')
        : null;
  const detectedAt = input.detectedAt === undefined ? existing.detectedAt : toUtc(input.detectedAt);
  const occurredAt = input.occurredAt === undefined ? existing.occurredAt : toUtc(input.occurredAt);
  assertConsistent({ occurredAt, detectedAt, serious, seriousCategory });
  const status = input.status ?? existing.status;
  const moving = status !== existing.status;
  if (moving) assertTransition(existing.status, status);

  await updateIncident(trx, id, {
    title: input.title,
    description: input.description,
    severity: input.severity,
    harm_type: input.harmType,
    serious: db.dialect.bool(serious),
    serious_category: seriousCategory,
    occurred_at: occurredAt,
    detected_at: detectedAt,
    status,
    ...(moving ? statusDates(status, existing, now) : {}),
    root_cause: input.rootCause,
    corrective_action_ids: input.correctiveActionIds && JSON.stringify(input.correctiveActionIds),
    lessons_learned: input.lessonsLearned,
    owner_id: input.ownerId,
    updated_at: now,
  });
  const systemIds = input.aiSystemIds ?? existing.aiSystemIds;
  if (input.aiSystemIds) await replaceSystems(trx, id, input.aiSystemIds);
  if (input.rootCause?.trim() && input.rootCause !== existing.rootCause)
    await addTimeline(ctx, id, { kind: 'root_cause', text: input.rootCause.slice(0, 2000) });
  if (DEADLINE_FIELDS.some((field) => field in input))
    await syncAutomaticNotifications(ctx, id, {
      serious,
      seriousCategory,
      harmType: input.harmType ?? existing.harmType,
      detectedAt,
      highRisk: await highRisk(trx, systemIds),
    });
  if (!moving) return;
  if (status === 'closed')
    assertClosable(
      {
        rootCause: input.rootCause ?? existing.rootCause,
        lessonsLearned: input.lessonsLearned ?? existing.lessonsLearned,
      },
      (await notificationsOf(trx, [id])).get(id) ?? [],
    );
  const text = `Status changed from ${existing.status} to ${status}.`;
  await addTimeline(ctx, id, { kind: 'status', text });
}
