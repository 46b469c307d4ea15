import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Db } from '../db/database.js';
import { readBool } from '../db/dialect.js';
import { systemActor } from '../modules/shared/actor.js';
import type { Services } from '../services.js';

// A small ML repository on disk for the git integration: one directory documented and code-owned, one not.
const DEMO_REPO: Record<string, string> = {
  'README.md': '# credit-ranker\n\nRanking model for loan applications (demo).\n',
  LICENSE: 'Proprietary (demo)\n',
  '.github/CODEOWNERS': '/models/ranker/ @northwind/ml-platform\n',
  'models/ranker/requirements.txt': 'xgboost==2.1.0\nscikit-learn>=1.5\npandas\n',
  'models/ranker/MODEL_CARD.md': '# Model card: credit ranker\n\nIntended use, metrics, limitations.\n',
  'models/ranker/DATASHEET.md': '# Datasheet: loan outcomes 2019-2024\n',
  'models/ranker/train.py': 'import xgboost\n',
  'services/assistant/package.json': JSON.stringify(
    { name: 'support-assistant', dependencies: { openai: '^4.0.0' } },
    null,
    2,
  ),
  'services/assistant/index.js': "import OpenAI from 'openai';\n",
};

/** Makes the demo repository a real git repository when git is installed; a plain directory works too. */
async function commitDemoRepository(repo: string): Promise<void> {
  const git = (...args: string[]) =>
    promisify(execFile)(
      'git',
      ['-c', 'user.name=OpenAIMS demo', '-c', 'user.email=demo@northwind.example', ...args],
      {
        cwd: repo,
        timeout: 20_000,
      },
    );
  try {
    await git('init', '-q', '-b', 'main');
    await git('add', '-A');
    await git('commit', '-q', '-m', 'Credit ranker and support assistant');
  } catch {
    // Without git the integration scans the directory as it is.
  }
}

/** Demo evaluations as a release pipeline would push them: most pass, a few do not. */
function pushedResults(systems: Array<{ id: string; name: string; stage: string }>, today: string) {
  const at = `${today}T06:00:00.000Z`;
  const deployed = systems.filter((s) => s.stage === 'deployed');
  return deployed.flatMap((system, index) => {
    const weak = index === 1;
    return [
      {
        type: 'model-evaluation',
        externalId: `${system.id}:eval`,
        name: `${system.name} — release evaluation`,
        attributes: {
          aiSystemId: system.id,
          modelName: system.name.toLowerCase().replace(/\W+/g, '-'),
          modelVersion: '2026.11',
          evaluatedAt: at,
          dataset: 'holdout-2026-10',
          metrics: { accuracy: weak ? 0.78 : 0.91, auc: weak ? 0.8 : 0.9 },
          thresholds: { accuracy: 0.85, auc: 0.8 },
          passed: !weak,
          reportUrl: null,
        },
      },
      {
        type: 'bias-audit',
        externalId: `${system.id}:bias`,
        name: `${system.name} — bias audit`,
        attributes: {
          aiSystemId: system.id,
          modelName: system.name.toLowerCase().replace(/\W+/g, '-'),
          modelVersion: '2026.11',
          auditedAt: at,
          protectedAttribute: 'age_band',
          selectionRates: { '18-30': weak ? 0.3 : 0.41, '31-50': 0.45, '51+': 0.42 },
          minImpactRatio: weak ? 0.67 : 0.91,
          auditor: 'Fairness Lab Ltd',
          independent: true,
        },
      },
      {
        type: 'logging-status',
        externalId: system.id,
        name: `${system.name} — event logging`,
        attributes: {
          aiSystemId: system.id,
          loggingEnabled: true,
          retentionDays: weak ? 90 : 400,
          lastEventAt: at,
          destination: 'siem://eu-prod',
        },
      },
    ];
  });
}

/**
 * One integration of each kind for the demo organisation. Prometheus points at a local server that is
 * usually not running: that shows as the integration's error, never as failed tests.
 */
export async function seedMonitoring(
  db: Db,
  services: Services,
  dataDir: string,
  today: string,
): Promise<void> {
  const actor = systemActor('demo seed');
  const repo = path.resolve(dataDir, 'demo', 'repositories', 'credit-ranker');
  for (const [file, text] of Object.entries(DEMO_REPO)) {
    await mkdir(path.dirname(path.join(repo, file)), { recursive: true });
    await writeFile(path.join(repo, file), text);
  }
  await commitDemoRepository(repo);
  await services.integrations.create(actor, {
    kind: 'git',
    name: 'Model repositories',
    config: { paths: [repo] },
    enabled: true,
  });
  await services.integrations.create(actor, {
    kind: 'prometheus',
    name: 'Model metrics (Prometheus)',
    config: {
      baseUrl: 'http://127.0.0.1:9090',
      queries: [
        { name: 'model_accuracy', expression: 'avg by (model) (model_accuracy)' },
        { name: 'model_psi', expression: 'max by (model) (model_psi)' },
      ],
      timeoutSeconds: 2,
    },
    enabled: true,
  });
  const push = await services.integrations.create(actor, {
    kind: 'push',
    name: 'Release pipeline',
    config: {},
    enabled: true,
  });
  const systems = await db.kysely
    .selectFrom('ai_systems')
    .select(['id', 'name', 'lifecycle_stage as stage'])
    .orderBy('name')
    .execute();
  const batch = pushedResults(systems, today);
  if (batch.length > 0)
    await services.integrations.push(actor, push.id, { resources: batch, complete: true });

  const hr = await services.integrations.create(actor, {
    kind: 'csv',
    name: 'HR export',
    config: { resourceType: 'employee' },
    enabled: true,
  });
  const people = await db.kysely
    .selectFrom('people')
    .select(['name', 'email', 'department', 'job_title', 'active'])
    .orderBy('email')
    .execute();
  // HR knows that one person the register still lists as active has left: a finding for the demo.
  const leaver = people.find((p) => readBool(p.active))?.email;
  const rows = people.map((p) => {
    const employed = readBool(p.active) && p.email !== leaver;
    return [
      p.email,
      p.name,
      p.department ?? '',
      p.job_title ?? '',
      employed ? 'active' : 'terminated',
      employed ? '' : today,
    ]
      .map((v) => `"${v.replace(/"/g, '""')}"`)
      .join(',');
  });
  await services.integrations.importCsv(
    actor,
    hr.id,
    ['email,name,department,job_title,status,end_date', ...rows].join('\n'),
  );
}
