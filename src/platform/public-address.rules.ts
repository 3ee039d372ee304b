/**
 * The portal's public address (TOUCHLINE_BASE_URL) goes into everything that leaves the browser
 * session: links in mails, the QR code printed on each badge, calendar feed addresses. Left at its
 * default (`http://localhost:PORT`), all of them point at the reader's own device.
 */

/** What the public address is used for, in the words the start-up warning and the home page use. */
export const PUBLIC_ADDRESS_USES = 'links in mails, QR codes on badges and calendar feeds';

/** The environment variable that sets the public address. */
export const PUBLIC_ADDRESS_VARIABLE = 'TOUCHLINE_BASE_URL';

/**
 * Whether a host name or IP address names this machine only: `localhost` (and `*.localhost`),
 * 127.0.0.0/8, `::1` (bracketed or not, or written out in full) and IPv4-mapped loopback.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  if (/^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)) return true;
  return h.includes(':') && expandIpv6(h)?.join(':') === '0:0:0:0:0:0:0:1';
}

/** The eight groups of an IPv6 address as numbers in hexadecimal text, or null when it is not one. */
function expandIpv6(h: string): string[] | null {
  const halves = h.split('::');
  if (halves.length > 2) return null;
  const parts = (x: string | undefined) => (x ? x.split(':') : []);
  const head = parts(halves[0]);
  const tail = parts(halves[1]);
  const fill = halves.length === 2 ? 8 - head.length - tail.length : 0;
  if (fill < 0) return null;
  const groups = [...head, ...Array<string>(fill).fill('0'), ...tail];
  if (groups.length !== 8 || !groups.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return groups.map((g) => Number.parseInt(g, 16).toString(16));
}

/** The host of a base URL such as `http://localhost:3000` (empty when it is not a URL). */
export function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).hostname;
  } catch {
    return '';
  }
}

/** Whether the public address still names this machine only (the default `http://localhost:PORT`). */
export function publicAddressIsLocal(baseUrl: string): boolean {
  return isLoopbackHost(hostOf(baseUrl));
}

/**
 * The warning printed at start when the public address names this machine only while the portal
 * listens beyond it (HOST `0.0.0.0`, `::` or a network address): others can open the portal, but
 * every link, QR code and feed it hands them leads to their own device. Null when nothing is wrong:
 * an address others can reach, or a portal only this machine can reach anyway.
 */
export function publicAddressWarning(c: { baseUrl: string; host: string; port: number }): string | null {
  if (!publicAddressIsLocal(c.baseUrl) || isLoopbackHost(c.host)) return null;
  return (
    `Warning: the public address is ${c.baseUrl}, but the portal listens on ${c.host}:${c.port}, so other devices can open it. ` +
    `${capitalize(PUBLIC_ADDRESS_USES)} will point to ${c.baseUrl}, which leads each reader to their own device. ` +
    `Set ${PUBLIC_ADDRESS_VARIABLE} to the address people open (for example https://coaches.your-region.org) and restart Touchline.`
  );
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
