import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../lib/errors.js';
import { nowIso } from '../../lib/time.js';

export interface StoredBlob {
  sha256: string;
  sizeBytes: number;
}

/** Content-addressed storage for evidence files: the same bytes are stored once, under their SHA-256. */
export interface BlobStore {
  put(source: Readable): Promise<StoredBlob>;
  open(sha256: string): Promise<Readable>;
}

const CHUNK_BYTES = 1024 * 1024;

export class UploadTooLargeError extends AppError {
  constructor(limit: number) {
    super(
      413,
      'upload_too_large',
      `The file is larger than the upload limit of ${Math.round(limit / 1024 / 1024)} MiB.`,
    );
  }
}

/** Streams the upload to a temporary file while hashing and counting, so nothing is held in memory. */
async function spool(source: Readable, dir: string, limit: number): Promise<StoredBlob & { file: string }> {
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `upload-${randomBytes(8).toString('hex')}`);
  const hash = createHash('sha256');
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) return done(new UploadTooLargeError(limit));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, meter, createWriteStream(file));
  } catch (error) {
    await rm(file, { force: true });
    throw error;
  }
  // A busboy stream that hit its own limit ends quietly with `truncated` set.
  if ((source as Readable & { truncated?: boolean }).truncated) {
    await rm(file, { force: true });
    throw new UploadTooLargeError(limit);
  }
  return { file, sha256: hash.digest('hex'), sizeBytes: size };
}

async function recordBlob(db: Db, blob: StoredBlob, storage: string): Promise<boolean> {
  const inserted = await db.kysely
    .insertInto('blobs')
    .values({ sha256: blob.sha256, size_bytes: blob.sizeBytes, storage, created_at: nowIso() })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .executeTakeFirst();
  return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
}

function filesystemStore(db: Db, root: string, limit: number): BlobStore {
  const pathOf = (sha256: string) => path.join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  return {
    async put(source) {
      const spooled = await spool(source, path.join(root, 'tmp'), limit);
      const target = pathOf(spooled.sha256);
      const exists = await stat(target).then(
        () => true,
        () => false,
      );
      if (exists) await rm(spooled.file, { force: true });
      else {
        await mkdir(path.dirname(target), { recursive: true });
        await rename(spooled.file, target);
      }
      await recordBlob(db, spooled, 'filesystem');
      return { sha256: spooled.sha256, sizeBytes: spooled.sizeBytes };
    },
    async open(sha256) {
      return createReadStream(pathOf(sha256));
    },
  };
}

/** Chunks in PostgreSQL, so several machines sharing the database also share the files. */
function databaseStore(db: Db, spoolDir: string, limit: number): BlobStore {
  return {
    async put(source) {
      const spooled = await spool(source, spoolDir, limit);
      try {
        const known = await db.kysely
          .selectFrom('blobs')
          .select('sha256')
          .where('sha256', '=', spooled.sha256)
          .executeTakeFirst();
        if (!known) {
          await db.transaction(async (trx) => {
            const fresh = await trx
              .insertInto('blobs')
              .values({
                sha256: spooled.sha256,
                size_bytes: spooled.sizeBytes,
                storage: 'database',
                created_at: nowIso(),
              })
              .onConflict((oc) => oc.column('sha256').doNothing())
              .executeTakeFirst();
            if (Number(fresh.numInsertedOrUpdatedRows ?? 0) === 0) return;
            let seq = 0;
            for await (const chunk of createReadStream(spooled.file, { highWaterMark: CHUNK_BYTES })) {
              await trx
                .insertInto('blob_chunks')
                .values({ sha256: spooled.sha256, seq, data: chunk as Buffer })
                .execute();
              seq += 1;
            }
          });
        }
        return { sha256: spooled.sha256, sizeBytes: spooled.sizeBytes };
      } finally {
        await rm(spooled.file, { force: true });
      }
    },
    async open(sha256) {
      async function* chunks() {
        for (let seq = 0; ; seq++) {
          const row = await db.kysely
            .selectFrom('blob_chunks')
            .select('data')
            .where('sha256', '=', sha256)
            .where('seq', '=', seq)
            .executeTakeFirst();
          if (!row) return;
          yield row.data;
        }
      }
      return Readable.from(chunks());
    },
  };
}

export function createBlobStore(
  db: Db,
  config: Pick<Config, 'dataDir' | 'blobStorage' | 'maxUploadBytes'>,
): BlobStore {
  const root = path.join(config.dataDir, 'blobs');
  return config.blobStorage === 'database'
    ? databaseStore(db, path.join(root, 'tmp'), config.maxUploadBytes)
    : filesystemStore(db, root, config.maxUploadBytes);
}
