import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import type { Config } from '../src/config/config.js';

/** The same statements the endpoints run, sent straight to the driver: the baseline for each ratio. */
export interface RawRunner {
  listAiSystems(): Promise<unknown>;
  searchAiSystems(text: string): Promise<unknown>;
  showAiSystem(id: string): Promise<unknown>;
  listRisks(): Promise<unknown>;
  risksOfSystem(id: string): Promise<unknown>;
  matrix(): Promise<unknown>;
  /** The facts readiness is computed from, for both in-scope frameworks. */
  readinessFacts(today: string): Promise<unknown>;
  close(): Promise<void>;
}

type Query = (text: string, params?: unknown[]) => Promise<Array<Record<string, unknown>>>;

async function connect(config: Config): Promise<{ query: Query; close(): Promise<void>; like: string }> {
  if (config.database.dialect === 'sqlite') {
    const db = new SqliteDatabase(config.database.file, { readonly: true });
    const cache = new Map<string, SqliteDatabase.Statement>();
    return {
      like: 'like',
      query: async (text, params = []) => {
        let statement = cache.get(text);
        if (!statement) {
          statement = db.prepare(text);
          cache.set(text, statement);
        }
        return statement.all(...params) as Array<Record<string, unknown>>;
      },
      close: async () => {
        db.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: config.database.url, max: 2 });
  return {
    like: 'ilike',
    query: async (text, params = []) => {
      let n = 0;
      return (
        await pool.query(
          text.replace(/\?/g, () => `$${++n}`),
          params,
        )
      ).rows;
    },
    close: () => pool.end(),
  };
}

const SYSTEM_LIST = `select ai_systems.*, owner.name as owner_name from ai_systems
  left join people as owner on owner.id = ai_systems.owner_id`;

export async function rawRunner(config: Config): Promise<RawRunner> {
  const { query, close, like } = await connect(config);
  const links = async (ids: string[]) => {
    if (ids.length === 0) return;
    const marks = ids.map(() => '?').join(', ');
    await Promise.all([
      query(`select * from ai_system_datasets where ai_system_id in (${marks}) order by target_id`, ids),
      query(`select * from ai_system_vendors where ai_system_id in (${marks}) order by target_id`, ids),
      query(
        `select ai_system_id, count(*) as count from risk_ai_systems where ai_system_id in (${marks}) group by ai_system_id`,
        ids,
      ),
    ]);
  };
  const riskLinks = (ids: string[]) =>
    ids.length === 0
      ? Promise.resolve([])
      : query(
          `select * from risk_ai_systems where risk_id in (${ids.map(() => '?').join(', ')}) order by ai_system_id`,
          ids,
        );
  const riskBase = `from risks left join people as owner on owner.id = risks.owner_id
    left join risk_scenarios as scenario on scenario.id = risks.scenario_id
    left join people as approver on approver.id = risks.accepted_by_id`;
  const riskColumns =
    'select risks.*, owner.name as owner_name, scenario.title as scenario_title, approver.name as approver_name';
  const settings = () => query(`select value from settings where key = ?`, ['risk_matrix']);

  return {
    async listAiSystems() {
      await query('select count(*) as total from ai_systems');
      const rows = await query(
        `${SYSTEM_LIST} order by lower(ai_systems.name), ai_systems.id limit 50 offset 0`,
      );
      await links(rows.map((r) => r.id as string));
    },
    async searchAiSystems(text) {
      const pattern = `%${text}%`;
      const where = `where (ai_systems.name ${like} ? escape '\\' or ai_systems.description ${like} ? escape '\\' or ai_systems.intended_purpose ${like} ? escape '\\' or ai_systems.business_unit ${like} ? escape '\\')`;
      const params = [pattern, pattern, pattern, pattern];
      await query(`select count(*) as total from ai_systems ${where}`, params);
      const rows = await query(
        `${SYSTEM_LIST} ${where} order by lower(ai_systems.name), ai_systems.id limit 50 offset 0`,
        params,
      );
      await links(rows.map((r) => r.id as string));
    },
    async showAiSystem(id) {
      await query(`${SYSTEM_LIST} where ai_systems.id = ?`, [id]);
      await links([id]);
    },
    async listRisks() {
      await query('select count(*) as total from risks');
      const rows = await query(
        `${riskColumns} ${riskBase} order by risks.inherent_score desc, risks.id desc limit 50 offset 0`,
      );
      await Promise.all([riskLinks(rows.map((r) => r.id as string)), settings()]);
    },
    async risksOfSystem(id) {
      const where = 'where risks.id in (select risk_id from risk_ai_systems where ai_system_id = ?)';
      await query(`select count(*) as total from risks ${where}`, [id]);
      const rows = await query(
        `${riskColumns} ${riskBase} ${where} order by risks.inherent_score desc, risks.id desc limit 50 offset 0`,
        [id],
      );
      await Promise.all([riskLinks(rows.map((r) => r.id as string)), settings()]);
    },
    async matrix() {
      await Promise.all([
        settings(),
        query(
          'select risks.likelihood, risks.impact, count(*) as count from risks where risks.likelihood is not null group by risks.likelihood, risks.impact',
        ),
      ]);
    },
    async readinessFacts(today) {
      // Control facts are loaded once and shared by every framework, as the service does.
      await query(
        `select c.id, c.adopted, c.status, c.evidence_required, o.active, ev.valid_evidence, ev.evidence_count
             from controls c left join people o on o.id = c.owner_id
             left join (select ec.control_id, count(*) as evidence_count,
                          sum(case when e.latest_version > 0 and (e.valid_until is null or e.valid_until >= ?) then 1 else 0 end) as valid_evidence
                        from evidence_controls ec join evidence e on e.id = ec.evidence_id group by ec.control_id) ev on ev.control_id = c.id`,
        [today],
      );
      for (const framework of ['iso-27001-2022', 'iso-42001-2023']) {
        await Promise.all([
          query('select * from requirements where framework_id = ? order by position', [framework]),
          query(
            `select cm.control_id, cm.requirement_id, cm.relationship from control_mappings cm
             join controls c on c.id = cm.control_id join requirements r on r.id = cm.requirement_id
             where r.framework_id = ? and c.adopted = ${config.database.dialect === 'sqlite' ? 1 : 'true'}`,
            [framework],
          ),
          query(`select requirement_id, justification from soa_entries where requirement_id like ?`, [
            `${framework}:%`,
          ]),
          query(`select requirement_id from coverage_confirmations where requirement_id like ?`, [
            `${framework}:%`,
          ]),
          query(
            `select distinct organisation_role, risk_tier from ai_systems where lifecycle_stage <> 'retired'`,
          ),
        ]);
      }
    },
    close,
  };
}
