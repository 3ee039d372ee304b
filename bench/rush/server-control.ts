import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { DbTarget } from './setup.js';

export interface Usage {
  cpuMs: number;
  /** The part of cpuMs spent in the kernel (socket writes and reads, file syncs). */
  systemMs: number;
  bookings: number;
  requests: number;
}

export interface Server {
  base: string;
  /** Answers the server's CPU time and requests since the last mark, and starts counting again. */
  mark: () => Promise<Usage>;
  /** Moves the server's clock to `instant` (the sign-up opens). */
  open: (instant: string) => Promise<void>;
  /** Stops the server; answers its CPU time and requests since the last mark. */
  stop: () => Promise<Usage>;
}

/** Forks server.ts on the bench database and answers once it listens. */
export function startServer(target: DbTarget): Promise<Server> {
  const child = fork(fileURLToPath(new URL('./server.ts', import.meta.url)), [JSON.stringify(target)], { stdio: 'inherit', execArgv: process.execArgv });
  const next = <T>() => new Promise<T>((resolve) => child.once('message', (m) => resolve(m as T)));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the server exited (${code})`)));
    void next<{ port: number }>().then((m) =>
      resolve({
        base: `http://127.0.0.1:${m.port}`,
        mark: async () => {
          const answer = next<Usage>();
          child.send('mark');
          return answer;
        },
        open: async (instant: string) => {
          const answer = next<{ opened: boolean }>();
          child.send({ open: instant });
          await answer;
        },
        stop: async () => {
          child.removeAllListeners('exit');
          const report = next<Usage>();
          const exited = new Promise<void>((done) => child.once('exit', () => done()));
          child.send('stop');
          const r = await report;
          await exited;
          return r;
        },
      }),
    );
  });
}
