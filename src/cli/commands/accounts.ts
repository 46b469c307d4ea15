import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { parseDuration } from '../../lib/time.js';
import { tokenCreateSchema } from '../../modules/tokens/schema.js';
import { userCreateSchema } from '../../modules/users/schema.js';
import { cliActor } from '../actor.js';
import { withContext, withDatabaseOptions } from '../context.js';
import { parseOrThrow } from '../validate.js';

/** Reads exactly one line from stdin, without its line ending. */
async function readPasswordLine(): Promise<string> {
  const lines = createInterface({
    input: process.stdin,
    crlfDelay: Number.POSITIVE_INFINITY,
    terminal: false,
  });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  throw new Error('--password-stdin: no password on standard input');
}

export function registerAccountCommands(program: Command): void {
  const user = program.command('user').description('manage logins');
  withDatabaseOptions(
    user
      .command('create')
      .description('create a login (and the person, when none has this email)')
      .requiredOption('--email <email>', 'email address (the login name)')
      .option('--name <name>', 'full name (needed when the person does not exist yet)')
      .requiredOption('--role <role>', 'admin | manager | contributor | auditor | member')
      .option(
        '--password-stdin',
        'read the password (at least 12 characters) from one line of standard input',
      ),
  ).action(async (options) => {
    const password = options.passwordStdin ? await readPasswordLine() : undefined;
    const input = parseOrThrow(userCreateSchema, {
      email: options.email,
      name: options.name,
      role: options.role,
      password,
    });
    await withContext(options, async (context) => {
      const created = await context.services.users.create(cliActor(), input);
      process.stdout.write(`Created ${created.role} login for ${created.email} (user ${created.id}).\n`);
    });
  });

  withDatabaseOptions(user.command('list').description('list logins').option('--json', 'print JSON')).action(
    async (options) => {
      await withContext(options, async (context) => {
        const page = await context.services.users.list(cliActor(), { limit: 500, offset: 0 });
        if (options.json) return void process.stdout.write(`${JSON.stringify(page, null, 2)}\n`);
        for (const u of page.items)
          process.stdout.write(`${u.email}\t${u.role}\t${u.active ? 'active' : 'inactive'}\n`);
      });
    },
  );

  const token = program.command('token').description('manage API tokens');
  withDatabaseOptions(
    token
      .command('create')
      .description('create an API token for a user; prints only the token, once')
      .requiredOption('--email <email>', 'the user the token acts as (it carries their role)')
      .option('--name <name>', 'a label to recognise the token', 'cli')
      .option('--expires-in <duration>', 'lifetime such as 30d, 12h or 1y; never expires when absent'),
  ).action(async (options) => {
    let expiresInDays: number | undefined;
    if (options.expiresIn !== undefined) {
      const ms = parseDuration(options.expiresIn);
      if (!ms)
        throw new Error(`--expires-in: "${options.expiresIn}" is not a duration such as 90d, 12h or 1y`);
      expiresInDays = Math.max(1, Math.ceil(ms / 86_400_000));
    }
    await withContext(options, async (context) => {
      const owner = await context.services.users.findByEmail(options.email);
      if (!owner) throw new Error(`--email: no login for ${options.email}`);
      const input = parseOrThrow(tokenCreateSchema, { name: options.name, expiresInDays, userId: owner.id });
      const { secret } = await context.services.tokens.create(cliActor(), input);
      process.stdout.write(`${secret}\n`);
    });
  });
}
