/** The mail of a board message: the Markdown as plain text, and the same rendered to safe HTML, each with its footer. */
import { renderMarkdown } from '../site/index.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface MessageMailParts {
  markdown: string;
  senderName: string;
  regionName: string;
  /** The one-click unsubscribe address and the preferences page, for a message the person may switch off. */
  unsubscribe?: { url: string; preferencesUrl: string };
  /** A test to oneself: said at the top. */
  test?: boolean;
}

/** The plain-text body (the Markdown as written reads well as text). */
export function messageText(p: MessageMailParts): string {
  const lines = [
    p.test ? '[This is a test: only you received it.]\n' : '',
    p.markdown.trim(),
    '',
    '--',
    `Sent by ${p.senderName} for ${p.regionName}. Reply to this mail to answer ${p.senderName}.`,
  ];
  if (p.unsubscribe) lines.push(`Stop messages from the board: ${p.unsubscribe.url}`, `Choose which mails you get: ${p.unsubscribe.preferencesUrl}`);
  return lines.filter((l, i) => i > 0 || l).join('\n');
}

/** The HTML alternative: the sanitized rendering of the Markdown in a plain document. */
export function messageHtml(p: MessageMailParts): string {
  const footer = [`Sent by ${escapeHtml(p.senderName)} for ${escapeHtml(p.regionName)}. Reply to this mail to answer ${escapeHtml(p.senderName)}.`];
  if (p.unsubscribe)
    footer.push(
      `<a href="${escapeHtml(p.unsubscribe.url)}">Stop messages from the board</a> · <a href="${escapeHtml(p.unsubscribe.preferencesUrl)}">Choose which mails you get</a>`,
    );
  return [
    '<!doctype html><html><body style="font-family:sans-serif;line-height:1.5;max-width:40em">',
    p.test ? '<p><strong>This is a test: only you received it.</strong></p>' : '',
    renderMarkdown(p.markdown),
    `<hr><p style="font-size:small;color:#555">${footer.join('<br>')}</p>`,
    '</body></html>',
  ].join('');
}
