import type { Db } from '../../platform/db/database.js';
import type { Deps } from '../../platform/feature.js';
import { sendMail, type Recipient } from '../mentoring.mail.js';

/** The mails about assessments: they link to the page and never quote the assessment. */

/** The coach hears of a new assessment (the mail links to it; it never quotes it). */
export async function mailNewAssessment(db: Db, deps: Deps, to: Recipient, assessmentId: string, mentorName: string, kind: string, date: string): Promise<void> {
  await sendMail(
    db,
    deps,
    to,
    'Your mentor wrote an assessment',
    [
      `${mentorName} recorded an assessment of your ${kind} on ${date}.`,
      `Read it, acknowledge it and ask questions: ${deps.config.baseUrl}/mentoring/assessments/${assessmentId}`,
      '',
      'Only you, your mentor and the coach administrator can see it.',
    ],
    'mentoring-assessment',
  );
}

/** The other side of a thread hears of a new question or answer. */
export async function mailThreadMessage(db: Db, deps: Deps, to: Recipient, assessmentId: string, fromName: string, isAnswer: boolean): Promise<void> {
  const what = isAnswer ? 'answered in your assessment' : 'asked a question about the assessment you wrote';
  await sendMail(
    db,
    deps,
    to,
    isAnswer ? 'Your mentor answered' : 'A coach asked a question',
    [`${fromName} ${what}.`, `Read it: ${deps.config.baseUrl}/mentoring/assessments/${assessmentId}`],
    'mentoring-message',
  );
}
