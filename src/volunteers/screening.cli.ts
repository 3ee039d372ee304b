import { chmodSync, existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { withRuntime, type Deps, type OpenRuntime } from '../platform/feature.js';
import { UsageError } from '../platform/usage.js';

// The command line loads this file for every command: the key, the service and the audit actor load
// when a screening command runs.
const work = () => Promise.all([import('./screening.service.js'), import('./screening.crypto.js'), import('./applications.service.js'), import('../platform/audit.js')]);

/**
 * `touchline screening keygen|export`: the region's screening key pair and the export of pending
 * sealed numbers for the background check. The command functions take the runtime's deps so tests
 * call them directly; they answer what to print (stdout, stderr lines).
 */

export interface CommandOutput {
  stdout: string;
  stderr: string[];
}

function checkPassphrase(p: string | undefined): string | undefined {
  if (p !== undefined && p.length === 0) throw new UsageError('--passphrase must not be empty: leave it out for an unencrypted key file.');
  return p;
}

/** Writes a file that must not exist yet, readable by its owner only (0600). */
function writePrivateFile(file: string, text: string): void {
  try {
    writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new UsageError(
      code === 'EEXIST'
        ? `${file} already exists: choose a new file name (it is never overwritten).`
        : `${file} could not be written (${code ?? 'error'}): check the folder exists and is writable.`,
    );
  }
  chmodSync(file, 0o600);
}

export interface KeygenOptions {
  out: string;
  passphrase?: string;
  replace?: boolean;
}

/** Makes an RSA 3072 key pair: the private key to `out` (0600), the public key into the database. */
export async function screeningKeygen(deps: Deps, o: KeygenOptions): Promise<CommandOutput> {
  const passphrase = checkPassphrase(o.passphrase);
  const [{ screeningStatus, storeScreeningKey }, { makeScreeningKeyPair }, { volunteerDeps }, { CLI_ACTOR }] = await work();
  if (existsSync(o.out)) throw new UsageError(`${o.out} already exists: choose a new file name (a private key is never overwritten).`);
  const before = await screeningStatus(deps.db);
  if (before.fingerprint && !o.replace) {
    throw new UsageError(`The region already has a screening key (${before.fingerprint}): add --replace to replace it; numbers sealed with it will then need the old private key.`);
  }
  const pair = makeScreeningKeyPair(passphrase);
  writePrivateFile(o.out, pair.privateFile);
  let stored: Awaited<ReturnType<typeof storeScreeningKey>>;
  try {
    stored = await storeScreeningKey(volunteerDeps(deps), CLI_ACTOR, pair.publicPem, o.replace === true);
  } catch (e) {
    unlinkSync(o.out);
    throw e;
  }
  const stderr = [
    `Private key written to ${o.out}${passphrase ? ' (protected by the passphrase; the screening key page reads it too)' : ' (NOT encrypted: keep it offline)'}. Give it to the safety director only; Touchline keeps no copy.`,
  ];
  if (stored.notified) stderr.push(`${stored.notified} applicant(s) waiting for the key were mailed that they can now give their number.`);
  if (stored.replaced) stderr.push(`Replaced the key ${stored.replaced}: ${stored.pendingSealed} pending number(s) sealed with it can only be exported with its old private key.`);
  return { stdout: `${pair.fingerprint}\n`, stderr };
}

export interface ExportOptions {
  key: string;
  passphrase?: string;
  out?: string;
}

/** Opens the pending sealed numbers as CSV: to `out` (0600, never overwritten) or stdout. */
export async function screeningExport(deps: Deps, o: ExportOptions): Promise<CommandOutput> {
  const passphrase = checkPassphrase(o.passphrase);
  if (!existsSync(o.key)) throw new UsageError(`${o.key} does not exist: give the screening private key file with --key.`);
  if (o.out && existsSync(o.out)) throw new UsageError(`${o.out} already exists: choose a new file name (it is never overwritten).`);
  const [{ exportPendingSsns }, , , { CLI_ACTOR }] = await work();
  const result = await exportPendingSsns(deps, CLI_ACTOR, readFileSync(o.key, 'utf8'), passphrase);
  const stderr: string[] = [];
  if (!result.keyIsCurrent) stderr.push("Warning: this is not the region's current screening key; numbers sealed with the current key cannot be opened with it.");
  for (const f of result.failed) stderr.push(`Not opened (sealed with another key): ${f.name}, person ${f.personId}.`);
  stderr.push(`${result.count} number(s) exported for the background check. Record each result at /safety/checks: that erases the sealed number.`);
  if (o.out) {
    writePrivateFile(o.out, result.csv);
    return { stdout: '', stderr: [...stderr, `Written to ${o.out}: delete it once the check is sent.`] };
  }
  return { stdout: result.csv, stderr };
}

/** Runs a screening command and prints what it answers once its database is closed. */
async function runCommand(open: OpenRuntime, fn: (deps: Deps) => Promise<CommandOutput>): Promise<void> {
  const out = await withRuntime(open, fn);
  if (out.stdout) process.stdout.write(out.stdout);
  for (const line of out.stderr) console.error(line);
}

/** Registers `touchline screening keygen` and `touchline screening export`. */
export function registerScreeningCommands(program: Command, open: OpenRuntime): void {
  const screening = program.command('screening').description('The background-check key: make it, and export pending sealed numbers for the check');
  screening
    .command('keygen')
    .description('Make the RSA 3072 screening key pair: private key to --out (mode 0600), public key into the database; prints the fingerprint')
    .requiredOption('--out <file>', 'where to write the PRIVATE key (must not exist)')
    .option('--passphrase <passphrase>', 'protect the private key file with this passphrase (the JSON key file the browser reads too)')
    .option('--replace', 'replace the existing key (older sealed numbers then need the old private key)', false)
    .action(async (o: { out: string; passphrase?: string; replace: boolean }) => runCommand(open, (deps) => screeningKeygen(deps, o)));
  screening
    .command('export')
    .description('Decrypt the pending sealed numbers as CSV (person id, name, date of birth, email, ssn) for the background check')
    .requiredOption('--key <file>', 'the screening private key file (made by keygen or on the screening key page)')
    .option('--passphrase <passphrase>', "the private key file's passphrase")
    .option('--out <file>', 'write the CSV to this new file (mode 0600) instead of stdout')
    .action(async (o: { key: string; passphrase?: string; out?: string }) => runCommand(open, (deps) => screeningExport(deps, o)));
}
