#!/usr/bin/env node
// The `touchline` command. TypeScript sources run through tsx's loader, so there is no build step
// between `npm install` and `npm start` (a departure from a compiled dist/, see README "Design notes").
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv);
