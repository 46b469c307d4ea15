#!/usr/bin/env node
// Stable entry point for the `openaims` bin: loads the compiled CLI, so rebuilding never breaks it.
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(entry)) {
  process.stderr.write('openaims: the CLI is not built yet; run `npm run build` (or `npm start`) first\n');
  process.exit(1);
}
const { main } = await import(entry.href);
await main(process.argv);
