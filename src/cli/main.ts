import { Command, CommanderError } from 'commander';
import { AppError } from '../lib/errors.js';
import { VERSION } from '../version.js';
import { registerAccountCommands } from './commands/accounts.js';
import { registerAuditCommands } from './commands/audits.js';
import { registerCertificationCommands } from './commands/certification.js';
import { registerDatabaseCommands } from './commands/database.js';
import { registerFrameworkCommands } from './commands/frameworks.js';
import { registerIssues } from './commands/issues.js';
import { registerManagementReviewCommands } from './commands/management-reviews.js';
import { registerMonitoringCommands } from './commands/monitoring.js';
import { registerNonconformityCommands } from './commands/nonconformities.js';
import { registerObjectiveCommands } from './commands/objectives.js';
import { registerOpenApiCommand } from './commands/openapi.js';
import { registerPolicies } from './commands/policies.js';
import { registerRegisterCommands } from './commands/registers.js';
import { registerServe, registerWorker } from './commands/serve.js';
import { registerTrailCommands } from './commands/trail.js';

export function buildProgram(): Command {
  const program = new Command('openaims')
    .description('OpenAIMS: a self-hosted ISO/IEC 42001 AI management system')
    .version(VERSION)
    // Options after a subcommand belong to it (`soa export --version 2` is not the program's --version).
    .enablePositionalOptions();
  registerServe(program);
  registerWorker(program);
  registerDatabaseCommands(program);
  registerAccountCommands(program);
  registerRegisterCommands(program);
  registerTrailCommands(program);
  registerFrameworkCommands(program);
  registerMonitoringCommands(program);
  registerIssues(program);
  registerPolicies(program);
  registerObjectiveCommands(program);
  registerAuditCommands(program);
  registerNonconformityCommands(program);
  registerManagementReviewCommands(program);
  registerCertificationCommands(program);
  registerOpenApiCommand(program);
  return program;
}

function oneLine(error: unknown): string {
  if (error instanceof AppError && error.errors?.length) {
    return error.errors.map((e) => `${e.field}: ${e.message}`).join('; ');
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed help or the usage error.
      process.exitCode = error.exitCode;
      return;
    }
    process.stderr.write(`openaims: ${oneLine(error)}\n`);
    process.exitCode = 1;
  }
}
