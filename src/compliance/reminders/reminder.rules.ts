import type { MissingItem, PersonSummary } from '../compliance.rules.js';
import { ELEMENTS, ELEMENT_TITLES, roleLabel } from '../dashboard.rules.js';

/** The weekly reminder's words: the roles held, then what is missing element by element, each with how to do it. */
export interface ReminderMail {
  subject: string;
  text: string;
}

export function reminderMail(firstName: string, seasonName: string, summary: PersonSummary, baseUrl: string): ReminderMail {
  const roles = [...new Set(summary.roles.map((r) => `${roleLabel(r.role).toLowerCase()} (${r.division})`))].join(', ');
  const n = summary.missing.length;
  const lines = [
    `Hello ${firstName},`,
    '',
    `You are down as ${roles} for ${seasonName}. Before you can be on the field with players, ${n === 1 ? 'one thing is' : `${n} things are`} still missing:`,
  ];
  for (const e of ELEMENTS) {
    const items = summary.missing.filter((m: MissingItem) => m.element === e);
    if (!items.length) continue;
    lines.push('', `${e}. ${ELEMENT_TITLES[e]}`, ...items.map((m) => `   - ${m.message}`));
  }
  lines.push('', `Your steps, with links to each: ${baseUrl}/coaches`, `Your trainings: ${baseUrl}/training`, '', 'This reminder comes once a week until everything is done.');
  return { subject: `Still to do for ${seasonName}: ${n} item${n === 1 ? '' : 's'}`, text: lines.join('\n') };
}
