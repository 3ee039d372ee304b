/**
 * Longest values of the common kinds of text, for schemas and rules that declare a field. Anything
 * not declared is held to the input guard's default (src/platform/http/input.ts).
 */
export const TEXT_LIMITS = {
  /** RFC 5321: a forward path holds at most 256 octets, so an address at most 254 characters. */
  email: 254,
  /** A first or last name. */
  name: 80,
};
