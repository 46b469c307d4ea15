import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import { readOrganisation } from '../modules/organisation/service.js';
import { deliverDue } from './deliver.js';
import { sendDigests } from './digest.js';
import { dispatchTrail } from './dispatch.js';
import { createMailer } from './mailer.js';

export interface NotifierLog {
  error(obj: object, msg?: string): void;
}

/** Everything that leaves the system on its own: webhook deliveries and daily digests, one tick a minute. */
export function createNotifier(db: Db, config: Pick<Config, 'mail' | 'publicUrl'>, secret: string) {
  const mailer = createMailer(config.mail);
  return {
    mailConfigured: mailer !== undefined,
    async tick(now = new Date(), log?: NotifierLog) {
      const steps: Array<[string, () => Promise<unknown>]> = [
        ['webhook dispatch', () => dispatchTrail(db, now.toISOString())],
        ['webhook delivery', () => deliverDue(db, secret, now)],
      ];
      if (mailer)
        steps.push([
          'daily digest',
          async () =>
            sendDigests(db, mailer, {
              now,
              publicUrl: config.publicUrl,
              organisation: (await readOrganisation(db.kysely)).name,
            }),
        ]);
      // One failing step (a dead SMTP server) does not stop the others.
      for (const [what, step] of steps) {
        try {
          await step();
        } catch (error) {
          log?.error({ err: error }, `${what} failed`);
        }
      }
    },
    close: () => mailer?.close(),
  };
}

export type Notifier = ReturnType<typeof createNotifier>;
