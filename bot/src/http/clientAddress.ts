import { isIP } from 'node:net';
import type { Request } from 'express';

/**
 * The client address a per-address limit counts, in one canonical form.
 * Azure App Service's front end writes X-Forwarded-For as "ip:port" (a new
 * source port per connection), and IPv6 arrives bracketed, zero-padded or
 * IPv4-mapped: without this each form would get a budget of its own. An IPv6
 * client holds a whole /64, so that prefix is what counts.
 */
export function normaliseAddress(raw: string | undefined): string {
  let address = (raw ?? '').trim();
  if (address === '') return 'unknown';
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  address = address.toLowerCase().split('%')[0]!;
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped) address = mapped[1]!;
  switch (isIP(address)) {
    case 4:
      return address;
    case 6:
      return `${ipv6Groups(address).slice(0, 4).join(':')}::/64`;
    default:
      return `other:${address}`;
  }
}

/** The eight 16-bit groups of a valid IPv6 address, without leading zeros. */
function ipv6Groups(address: string): string[] {
  const [head = '', tail] = address.split('::');
  const groups = (text: string) => (text === '' ? [] : text.split(':').flatMap(dottedToGroups));
  const front = groups(head);
  const back = tail === undefined ? [] : groups(tail);
  const zeros = Array<string>(8 - front.length - back.length).fill('0');
  return [...front, ...zeros, ...back].map((g) => parseInt(g, 16).toString(16));
}

/** "1.2.3.4" at the end of an IPv6 address stands for two groups. */
function dottedToGroups(part: string): string[] {
  if (!part.includes('.')) return [part];
  const [a = 0, b = 0, c = 0, d = 0] = part.split('.').map(Number);
  return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
}

/** Behind App Service's front end `req.ip` is right only with Express's `trust proxy` set (one hop). */
export function requestAddress(req: Pick<Request, 'ip' | 'socket'>): string {
  return normaliseAddress(req.ip ?? req.socket.remoteAddress);
}

/**
 * The same for a Socket.IO handshake, which Express never sees: the last
 * X-Forwarded-For entry (the one App Service's front end appended), else the
 * peer address — the same one-hop trust as `trust proxy` = 1.
 */
export function handshakeAddress(handshake: { headers: Record<string, unknown>; address: string }): string {
  const header = handshake.headers['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : typeof header === 'string' ? header : '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return normaliseAddress(forwarded.at(-1) ?? handshake.address);
}
