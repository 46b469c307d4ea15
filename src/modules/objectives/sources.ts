import type { Db } from '../../db/database.js';
import { ConflictError } from '../../lib/errors.js';
import { instantQuery, type QueryResult } from '../../monitoring/integrations/prometheus/client.js';
import {
  authorizationHeader,
  prometheusConfigSchema,
  prometheusSecretsSchema,
} from '../../monitoring/integrations/prometheus/config.js';
import { open } from '../../monitoring/secrets-box.js';
import type { Objective } from './schema.js';

export interface SourceReading {
  value: number;
  note: string;
}

export interface SourceOptions {
  /** The server secret, to read a Prometheus integration's stored credentials. */
  secret?: string | undefined;
}

/** How long "Measure now" waits for Prometheus at most, whatever the integration allows. */
const QUERY_BUDGET_MS = 30_000;

/**
 * Takes a value from an automatic objective's source, or explains (409) why none can be taken now. Runs outside
 * any transaction: a slow Prometheus must not hold the write lock.
 */
export function readSource(db: Db, objective: Objective, options: SourceOptions): Promise<SourceReading> {
  if (objective.source === 'test_pass_rate' && objective.sourceTestId)
    return testPassRate(db, objective.sourceTestId);
  if (objective.source === 'prometheus' && objective.sourceIntegrationId && objective.sourceQuery)
    return prometheusValue(db, objective.sourceIntegrationId, objective.sourceQuery, options);
  if (objective.source === 'manual')
    throw new ConflictError('This objective is measured by hand; record a measurement instead.');
  // The test or integration was deleted since (its reference is set to null): nothing to read from.
  throw new ConflictError(
    `This objective's ${objective.source === 'prometheus' ? 'Prometheus integration' : 'monitoring test'} no longer exists; choose another source.`,
  );
}

/** pass / (pass + fail) over the test's current results; not applicable, errors and exclusions do not count. */
async function testPassRate(db: Db, testId: string): Promise<SourceReading> {
  const rows = await db.kysely
    .selectFrom('test_results')
    .select(['outcome', (eb) => eb.fn.countAll<number>().as('n')])
    .where('test_id', '=', testId)
    .where('outcome', 'in', ['pass', 'fail'])
    .where('excluded', '=', db.dialect.bool(false))
    .groupBy('outcome')
    .execute();
  const count = (outcome: string) => Number(rows.find((r) => r.outcome === outcome)?.n ?? 0);
  const pass = count('pass');
  const fail = count('fail');
  if (pass + fail === 0)
    throw new ConflictError(
      `Test "${testId}" has no passing or failing results yet; run it (or wait for its next run) first.`,
    );
  const value = Math.round((pass / (pass + fail)) * 1000) / 10;
  return { value, note: `${pass} of ${pass + fail} resources pass test ${testId}` };
}

async function prometheusValue(
  db: Db,
  integrationId: string,
  expression: string,
  options: SourceOptions,
): Promise<SourceReading> {
  const row = await db.kysely
    .selectFrom('integrations')
    .selectAll()
    .where('id', '=', integrationId)
    .executeTakeFirst();
  if (row?.kind !== 'prometheus')
    throw new ConflictError('The Prometheus integration this objective reads from no longer exists.');
  const config = prometheusConfigSchema.parse(JSON.parse(row.config));
  if (row.secrets && !options.secret)
    throw new ConflictError('The Prometheus credentials cannot be read: this process has no server secret.');
  const secrets = prometheusSecretsSchema.parse(row.secrets ? open(row.secrets, options.secret ?? '') : {});
  let result: QueryResult;
  try {
    result = await instantQuery({
      baseUrl: config.baseUrl,
      expression,
      timeoutSeconds: config.timeoutSeconds,
      signal: AbortSignal.timeout(QUERY_BUDGET_MS),
      authorization: authorizationHeader(secrets),
    });
  } catch (error) {
    throw new ConflictError(
      `Prometheus query failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const value = singleValue(result);
  return { value, note: `Prometheus (${row.name}): ${expression}` };
}

function singleValue(result: QueryResult): number {
  let text: string | undefined;
  if (result.resultType === 'scalar') text = result.result[1];
  else if (result.resultType === 'vector' && result.result.length === 1) text = result.result[0]?.value[1];
  else if (result.resultType === 'vector')
    throw new ConflictError(
      `The query returned ${result.result.length} series; an objective needs exactly one value (aggregate it, e.g. with avg() or sum()).`,
    );
  else
    throw new ConflictError(`The query returned a ${result.resultType}; an objective needs a single number.`);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new ConflictError(`The query returned "${text}", not a finite number.`);
  return value;
}
