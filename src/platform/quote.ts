/** Characters of what a person sent that a message quotes back to them. */
export const QUOTE_LIMIT = 80;

/**
 * A value as an error message quotes it: in double quotes, cut to about 80 characters with "…".
 * Messages quote input so the person sees which value is meant, never to echo it whole (a huge
 * value would otherwise come back in every refusal).
 */
export function quoted(value: unknown): string {
  const s = String(value);
  return `"${s.length > QUOTE_LIMIT ? `${s.slice(0, QUOTE_LIMIT - 1)}…` : s}"`;
}

/** The same cut without the quotes, for messages that frame the value themselves. */
export function clipped(value: unknown): string {
  return quoted(value).slice(1, -1);
}

const LONG_QUOTE = new RegExp(`"([^"\\n]{${QUOTE_LIMIT + 1},}?)"`, 'g');

/**
 * A message with every double-quoted run longer than QUOTE_LIMIT cut to it: messages quote what was
 * sent in double quotes, and this keeps a refusal short whatever value it names.
 */
export function clipQuoted(message: string): string {
  return message.replace(LONG_QUOTE, (_, inner: string) => quoted(inner));
}

/** The same for the list of messages a refusal may carry (`details.errors`). */
export function clipQuotedDetails(details: unknown): unknown {
  const errors = (details as { errors?: unknown } | null | undefined)?.errors;
  if (!Array.isArray(errors)) return details;
  return { ...(details as object), errors: errors.map((e) => (typeof e === 'string' ? clipQuoted(e) : e)) };
}
