#!/usr/bin/env node
// `npm start`: build when the compiled code is missing or older than the sources, seed the demo
// organisation into an empty database, then serve. Honours OPENAIMS_PORT and the other OPENAIMS_* settings.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'openaims.js');
const builtMarkers = [path.join(root, 'dist', '.tsbuildinfo'), path.join(root, 'web', 'dist', 'index.html')];

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const stale =
  !existsSync(builtMarker) || statSync(builtMarker).mtimeMs < newestSource(path.join(root, 'src'));
if (stale) {
  process.stdout.write('Building OpenAIMS…\n');
  run(process.execPath, [
    path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
    '-p',
    'tsconfig.build.json',
  ]);
}
run(process.execPath, [bin, 'demo']);
run(process.execPath, [bin, 'serve', ...process.argv.slice(2)]);
