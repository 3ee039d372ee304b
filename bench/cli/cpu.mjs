// Preloaded by bench/cli/run.mjs into every command it times (node --import): on exit, writes the
// process's own CPU time (user + system, microseconds) to file descriptor 3, which a busy machine
// does not inflate the way it does wall time.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  const u = process.cpuUsage();
  writeSync(3, `${u.user + u.system}\n`);
});
