import { PUBLIC_ADDRESS_USES, PUBLIC_ADDRESS_VARIABLE, isLoopbackHost, publicAddressIsLocal } from '../platform/public-address.rules.js';
import { allSeasons, defaultRegionConfig, membershipYearFor, type MembershipYear, type RegionConfig } from '../region/index.js';

/**
 * The first-run checklist on the region administrator's home: which set-up steps a new region
 * still has to take, each computed from what is really there (process configuration, region
 * configuration, the screening key, role grants), each pointing to where it is done.
 */

export type StepId = 'public-address' | 'mail' | 'contacts' | 'screening-key' | 'seasons' | 'fields' | 'coach-administrator';

/** What the checklist is computed from; gathered by checklist.service.ts. */
export interface SetupFacts {
  /** TOUCHLINE_BASE_URL as the process read it. */
  baseUrl: string;
  /** HOST: the interface the portal listens on. */
  listenHost: string;
  /** SMTP_URL is set: mail leaves the outbox. */
  mailDelivers: boolean;
  config: RegionConfig;
  /** Today in the region's time zone. */
  today: string;
  /** The configuration was saved whole at least once (its file edited in the browser, the API, or imported). */
  savedWhole: boolean;
  /** Fingerprint of the screening public key; null while there is none. */
  screeningKey: string | null;
  /** Names of the people who hold the coach administrator role for a season in force, or standing. */
  coachAdministrators: string[];
}

export interface SetupStep {
  id: StepId;
  title: string;
  done: boolean;
  /** The state in words, and while not done, what to do. */
  detail: string;
  /** Where it is done in the portal. */
  link: { href: string; label: string } | null;
  /** A setting of the process: the variable to set (with an example value) before restarting Touchline. */
  setting: { variable: string; example: string } | null;
}

/** The README section that lists the process settings, named by steps done outside the portal. */
export const README_SECTION = 'Configuration';

/** Domains reserved for examples and tests (RFC 2606, RFC 6761): an email there reaches nobody. */
export function isPlaceholderEmail(email: string): boolean {
  const domain = email.trim().toLowerCase().split('@')[1] ?? '';
  if (!domain) return true;
  if (/^example\.(com|net|org)$/.test(domain)) return true;
  return /(^|\.)(example|invalid|test|localhost)$/.test(domain);
}

function publicAddress(f: SetupFacts): SetupStep {
  const local = publicAddressIsLocal(f.baseUrl);
  const reachable = !isLoopbackHost(f.listenHost);
  return {
    id: 'public-address',
    title: 'Public address',
    done: !local,
    detail: local
      ? `${capitalize(PUBLIC_ADDRESS_USES)} point to ${f.baseUrl}, which leads each reader to their own device${reachable ? ', although others can open the portal' : ''}. Give the address people open.`
      : `${capitalize(PUBLIC_ADDRESS_USES)} use ${f.baseUrl}.`,
    link: null,
    setting: { variable: PUBLIC_ADDRESS_VARIABLE, example: 'https://coaches.your-region.org' },
  };
}

function mail(f: SetupFacts): SetupStep {
  return {
    id: 'mail',
    title: 'Mail server',
    done: f.mailDelivers,
    detail: f.mailDelivers ? 'Mail is sent through the mail server set in SMTP_URL.' : 'Mail stays in the outbox and reaches nobody: give the mail server that sends it.',
    link: { href: '/admin/outbox', label: f.mailDelivers ? 'Open the outbox' : 'See the mail waiting in the outbox' },
    setting: { variable: 'SMTP_URL', example: 'smtp://user:password@mail.your-region.org:587' },
  };
}

const CONTACT_ROLES = [
  { role: 'coach-administrator', label: 'coach administrator' },
  { role: 'registrar', label: 'registrar' },
] as const;

function contacts(f: SetupFacts): SetupStep {
  const problems: string[] = [];
  const found: string[] = [];
  for (const { role, label } of CONTACT_ROLES) {
    const k = f.config.region.contacts.find((c) => c.role === role);
    if (!k) problems.push(`no ${label} contact yet`);
    else if (isPlaceholderEmail(k.email)) problems.push(`the ${label}'s email is a sample (${k.email})`);
    else found.push(`${capitalize(label)}: ${k.name} (${k.email})`);
  }
  return {
    id: 'contacts',
    title: 'Board contacts',
    done: problems.length === 0,
    detail: problems.length
      ? `${capitalize(problems.join('; '))}. Give their real names and emails: the contact form and the coaches page send people to them.`
      : `${found.join('. ')}.`,
    link: { href: '/admin/region#f-coachAdminName', label: 'Edit the region details' },
    setting: null,
  };
}

function screeningKey(f: SetupFacts): SetupStep {
  return {
    id: 'screening-key',
    title: 'Screening key',
    done: f.screeningKey !== null,
    detail: f.screeningKey
      ? `The region's screening key is set (fingerprint ${f.screeningKey}).`
      : 'Adults cannot give their social security number until the region has a screening key. The safety director makes it in the browser (you may, until there is one) and keeps the private key file.',
    link: { href: '/safety/key', label: f.screeningKey ? 'See the screening key' : 'Make the screening key' },
    setting: null,
  };
}

/** The dates of a membership year and its seasons, to tell the generated sample dates from a region's own. */
const datesOf = (y: MembershipYear) =>
  [y.startDate, y.endDate, `${y.ageCutoff.month}-${y.ageCutoff.day}-${y.ageCutoff.year}`, ...y.seasons.flatMap((s) => [s.startDate, s.endDate])].join(' ');

function seasons(f: SetupFacts): SetupStep {
  const ahead = allSeasons(f.config).filter((s) => s.season.endDate >= f.today);
  const years = f.config.membershipYears.filter((y) => y.endDate >= f.today);
  const samples = years.every((y) => datesOf(y) === datesOf(membershipYearFor(y.startDate)));
  const now = ahead[0]?.season;
  const base = { id: 'seasons' as const, title: 'Season dates', setting: null };
  if (!now) {
    return {
      ...base,
      done: false,
      detail: 'Every season in the configuration has ended: add the next membership year, then check its season dates.',
      link: { href: '/admin/region', label: 'Open the region configuration' },
    };
  }
  if (samples && !f.savedWhole) {
    return {
      ...base,
      done: false,
      detail:
        `The seasons carry the sample dates of a new region (fall from 1 August to 31 December, spring from 1 January to 31 July). ` +
        `Put your region's dates under "membershipYears" in the configuration file and save it; if the sample dates are yours, saving the file once confirms them.`,
      link: { href: '/admin/region/json', label: 'Edit the configuration file' },
    };
  }
  return { ...base, done: true, detail: `${now.name} runs from ${now.startDate} to ${now.endDate}.`, link: { href: '/admin/region', label: 'See the seasons' } };
}

function fields(f: SetupFacts): SetupStep {
  const samples = defaultRegionConfig(f.today).fields;
  const isSample = (x: RegionConfig['fields'][number]) => samples.some((s) => s.id === x.id && s.name === x.name && s.address === x.address && s.capacity === x.capacity);
  const own = f.config.fields.filter((x) => f.savedWhole || !isSample(x));
  const names = f.config.fields.map((x) => x.name).join(', ');
  return {
    id: 'fields',
    title: 'Practice fields',
    done: own.length > 0,
    detail:
      own.length > 0
        ? `${plural(f.config.fields.length, 'field')}: ${names}.`
        : f.config.fields.length === 0
          ? 'No field yet: add the fields where teams practice, so coaches can book them.'
          : `The fields are the samples of a new region (${names}): add your region's fields, then remove the samples.`,
    link: { href: '/admin/region/fields/new', label: 'Add a field' },
    setting: null,
  };
}

function coachAdministrator(f: SetupFacts): SetupStep {
  const names = f.coachAdministrators;
  const season = allSeasons(f.config).find((s) => s.season.endDate >= f.today)?.season.name ?? 'this season';
  return {
    id: 'coach-administrator',
    title: 'First coach administrator',
    done: names.length > 0,
    detail: names.length
      ? `Coach administrator for ${season}: ${names.join(', ')}.`
      : `Nobody is coach administrator for ${season}. Give the role to a board member: they run classes, badges, teams and practice fields.`,
    link: { href: '/admin/people', label: names.length ? 'See people and roles' : 'Give the role on People' },
    setting: null,
  };
}

/** The set-up steps of a region, in the order a new region takes them, each with its state. */
export function setupSteps(f: SetupFacts): SetupStep[] {
  return [publicAddress(f), mail(f), contacts(f), screeningKey(f), seasons(f), fields(f), coachAdministrator(f)];
}

/** How far set-up is: the home card collapses once every step is done. */
export function setupProgress(steps: readonly SetupStep[]): { done: number; total: number; complete: boolean } {
  const done = steps.filter((s) => s.done).length;
  return { done, total: steps.length, complete: done === steps.length };
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
