import type { Config } from '../config.js';

/**
 * Where the bot may send requests. Every reply, card update, member list and
 * proactive post goes to an activity's `serviceUrl` (or the one stored from
 * it): without a check, a forged activity would make the service call any
 * address it names (SSRF). These are Microsoft's Teams service URL hosts
 * (public cloud, GCC, GCC High, DoD), as the Microsoft 365 Agents SDK lists
 * them (TeamsServiceEndpoints):
 * https://microsoft.github.io/Agents-for-js/variables/_microsoft_agents-hosting.TeamsServiceEndpoints.html
 */
export const TEAMS_SERVICE_URL_HOSTS = [
  'smba.trafficmanager.net',
  'smba.infra.gcc.teams.microsoft.com',
  'smba.infra.gov.teams.microsoft.us',
  'smba.infra.dod.teams.microsoft.us',
] as const;

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];

export interface ServiceUrlPolicy {
  allows(serviceUrl: string): boolean;
  /** For the refusal message and the logs. */
  hosts: readonly string[];
}

/**
 * `BOT_SERVICE_URL_HOSTS` (entries "host" or "host:port") replaces the
 * default list; tests name their fake connector's host:port. Without it, dev
 * mode (never production) adds loopback for the local page and the Agents
 * Playground. Plain http is accepted for loopback only.
 */
export function serviceUrlPolicy(config: Pick<Config, 'BOT_SERVICE_URL_HOSTS' | 'DEV_MODE'>): ServiceUrlPolicy {
  const hosts = config.BOT_SERVICE_URL_HOSTS
    ? config.BOT_SERVICE_URL_HOSTS.split(',')
        .map((h) => h.trim().toLowerCase())
        .filter(Boolean)
    : [...TEAMS_SERVICE_URL_HOSTS, ...(config.DEV_MODE ? LOOPBACK_HOSTS : [])];
  return {
    hosts,
    allows(serviceUrl) {
      let url: URL;
      try {
        url = new URL(serviceUrl);
      } catch {
        return false;
      }
      const loopback = LOOPBACK_HOSTS.includes(url.hostname);
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return false;
      if (url.username || url.password) return false;
      return hosts.includes(url.hostname) || hosts.includes(url.host);
    },
  };
}

export class ServiceUrlRefused extends Error {
  constructor(serviceUrl: string) {
    let host = '(unreadable)';
    try {
      host = new URL(serviceUrl).host;
    } catch {
      // keep the placeholder
    }
    super(`The bot does not send to ${host}: not an allowed Bot Framework / Teams service URL.`);
  }
}
