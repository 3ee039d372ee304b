#!/usr/bin/env node
// The `touchline` command. Sources are TypeScript; scripts/build.js transpiles them to dist/ when
// they changed (about a second), so there is no separate build step (see README, Design notes).
import { ensureBuilt } from '../scripts/build.js';

await ensureBuilt();
const { main } = await import('../dist/src/cli/main.js');
process.exitCode = await main(process.argv);
