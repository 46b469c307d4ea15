#!/usr/bin/env node
// `npm start`: build when the compiled code is missing or older than its sources, seed the demo
// organisation into an empty database, then serve. Honours OPENAIMS_PORT and the other OPENAIMS_* settings.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'openaims.js');
// The web client's types are generated during the build, so they never make the build look stale.
const generated = path.join(root, 'web', 'src', 'api', 'schema.ts');
const outputs = [
  { marker: path.join(root, 'dist', '.tsbuildinfo'), sources: path.join(root, 'src') },
  { marker: path.join(root, 'web', 'dist', 'index.html'), sources: path.join(root, 'web', 'src') },
];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (full === generated) continue;
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const stale = outputs.some(
  ({ marker, sources }) => !existsSync(marker) || statSync(marker).mtimeMs < newestSource(sources),
);
if (stale) {
  process.stdout.write('Building OpenAIMS (API and web application)…\n');
  run('npm', ['run', 'build', '--silent']);
}
run(process.execPath, [bin, 'demo']);
run(process.execPath, [bin, 'serve', ...process.argv.slice(2)]);
