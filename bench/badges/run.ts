/**
 * Badge print sheet benchmark: N eligible coaches (300 by default), each certified with an
 * approved photo that went through the real upload pipeline (a photo-like 900 x 1200 JPEG with
 * grain, cropped to 600 x 800 at quality 80), then the board's "print every eligible coach not yet
 * printed": the print run (printSheet: the sheet is made first, so that a sheet that cannot be
 * made records nothing; then the badges are issued, the run recorded and the coaches mailed), and
 * rendering the letter sheets again for the download (runSheet), timed separately, median of R
 * renders, with the PDF's size and pages.
 * Aim: under 5 s and 20 MB for 300 coaches. SQLite in a temporary file, and PostgreSQL in a
 * temporary schema when TEST_DATABASE_URL is set.
 *
 *   npx tsx bench/badges/run.ts [coaches=300] [renders=3]
 */
import { onEachDatabase } from '../databases.js';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { PDFDocument } from 'pdf-lib';
import { fixedClock, newId, seededRandom } from '../../src/platform/clock.js';
import type { Database } from '../../src/platform/db/database.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import type { Deps } from '../../src/platform/feature.js';
import { Mailer } from '../../src/platform/mail.js';
import { ensureRegionConfig } from '../../src/region/index.js';
import { testConfig } from '../../src/testing/harness.js';
import { certify } from '../../src/compliance/compliance.testkit.js';
import { uploadPhoto } from '../../src/badges/index.js';
import { printSheet, runSheet } from '../../src/badges/index.js';
import { personRow } from '../../src/people/people.testkit.js';

const COACHES = Number(process.argv[2] ?? 300);
const RENDERS = Number(process.argv[3] ?? 3);
const NOW = '2026-09-15T17:00:00.000Z';
const SEASON = '2026-fall';
const DIVISIONS = ['6U', '7U', '8U', '10U', '12U', '14U', '16U', '19U'];

const ms = (v: number) => (v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(0)} ms`);
const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
const mb = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(2)} MB`;

const grains = new Map<number, Buffer>();

/**
 * Sensor grain and texture at the badge photo's own resolution (what makes real photos weigh after
 * the crop): calibrated so the stored 600 x 800 JPEGs come out at about 60 KB, on the heavy side of
 * real portraits. Twelve textures are reused under different pictures.
 */
async function grain(seed: number): Promise<Buffer> {
  const key = seed % 12;
  let g = grains.get(key);
  if (!g) {
    const r = seededRandom(key + 1);
    const data = Buffer.alloc(600 * 800 * 3);
    for (let i = 0; i < data.length; i++) data[i] = 128 + Math.round((r() + r() - 1) * 40);
    grains.set(
      key,
      (g = await sharp(data, { raw: { width: 600, height: 800, channels: 3 } })
        .resize(900, 1200, { kernel: 'nearest' })
        .png()
        .toBuffer()),
    );
  }
  return g;
}

/** A phone-like portrait (900 x 1200): a background gradient, a face and shoulders, and grain. */
async function phonePhoto(seed: number): Promise<Buffer> {
  const r = seededRandom(seed);
  const [w, h] = [900, 1200];
  const hue = Math.floor(r() * 360);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},30%,75%)"/><stop offset="1" stop-color="hsl(${(hue + 60) % 360},25%,45%)"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/><ellipse cx="${w * (0.4 + r() * 0.2)}" cy="${h * 0.38}" rx="${w * 0.2}" ry="${h * 0.17}" fill="hsl(${20 + r() * 20},45%,${45 + r() * 30}%)"/>
    <rect x="${w * 0.2}" y="${h * 0.6}" width="${w * 0.6}" height="${h * 0.4}" rx="120" fill="hsl(${(hue + 180) % 360},40%,35%)"/></svg>`;
  return sharp(Buffer.from(svg))
    .composite([{ input: await grain(seed), blend: 'overlay' }])
    .jpeg({ quality: 92 })
    .toBuffer();
}

async function seed(deps: Deps): Promise<{ photoBytes: number; seconds: number }> {
  const t0 = performance.now();
  const at = deps.clock.now().toISOString();
  let photoBytes = 0;
  for (let i = 0; i < COACHES; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, COACHES - i) }, async (_, k) => {
        const n = i + k;
        const id = newId();
        await deps.db
          .insertInto('people')
          .values(personRow({ id, email: `coach${n}@bench.invalid`, firstName: `Coach${n}`, lastName: `Benchmark-${n % 17}`, birthDate: '1985-01-01', at }))
          .execute();
        await certify(deps.db, id, n % 3 === 0 ? 'assistant-coach' : 'head-coach', SEASON, DIVISIONS[n % DIVISIONS.length]!);
        const photoId = await uploadPhoto(deps, id, await phonePhoto(n + 1));
        await deps.db.updateTable('badge_photos').set({ status: 'approved', decided_at: at }).where('id', '=', photoId).execute();
      }),
    );
  }
  const sizes = await deps.db.selectFrom('files').select('size').where('purpose', '=', 'badge-photo').execute();
  photoBytes = sizes.reduce((s, f) => s + Number(f.size), 0);
  return { photoBytes, seconds: (performance.now() - t0) / 1000 };
}

async function bench(label: string, database: Database, migrate = true): Promise<void> {
  const clock = fixedClock(NOW);
  if (migrate) await migrateToLatest(database.db);
  await ensureRegionConfig(database.db, clock);
  const config = testConfig();
  const deps: Deps = { database, db: database.db, clock, mailer: new Mailer(clock, config.mailFrom, null), config };
  const s = await seed(deps);
  console.log(
    `\n${label}: ${COACHES} eligible coaches, photos ${mb(s.photoBytes)} in all (${(s.photoBytes / COACHES / 1024).toFixed(0)} KB each on average; seeded in ${s.seconds.toFixed(1)} s)`,
  );
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const { runId, count } = await printSheet(deps, { id: null, name: 'bench' }, { personIds: null, reissue: false });
  const issue = performance.now() - t0;
  const issueCpu = cpuMs(process.cpuUsage(c0));
  const times: number[] = [];
  const cpu: number[] = [];
  let size = 0;
  let pages = 0;
  for (let i = 0; i < RENDERS; i++) {
    const t1 = performance.now();
    const c1 = process.cpuUsage();
    const { pdf } = await runSheet(deps, runId);
    times.push(performance.now() - t1);
    cpu.push(cpuMs(process.cpuUsage(c1)));
    size = pdf.length;
    pages = (await PDFDocument.load(pdf)).getPageCount();
  }
  const render = median(times);
  const total = issue + render;
  console.log(`  print run (make the sheet, issue ${count} badges, record, mail): ${ms(issue).padStart(8)}   (node CPU ${ms(issueCpu)})`);
  console.log(
    `  download: the print sheet PDF again (median of ${RENDERS}):      ${ms(render).padStart(8)}   (node CPU ${ms(median(cpu))}; all runs: ${times.map(ms).join(', ')})`,
  );
  console.log(`  total                                                     ${ms(total).padStart(8)}   ${total < 5000 ? 'under' : 'OVER'} the 5 s aim`);
  console.log(`  PDF: ${mb(size)}, ${pages} letter pages (${Math.ceil(count / 8)} expected)   ${size < 20 * 1024 * 1024 ? 'under' : 'OVER'} the 20 MB aim`);
}

await onEachDatabase(bench);
