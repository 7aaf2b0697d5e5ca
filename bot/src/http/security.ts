import type { RequestHandler } from 'express';

/**
 * Hosts allowed to frame the tab: Teams (commercial and government clouds,
 * local dev host), Microsoft 365 and Outlook, and the newer *.cloud.microsoft
 * domain they are all migrating to.
 * https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements
 */
export const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://local.teams.office.com',
  'https://*.cloud.microsoft',
  'https://*.microsoft365.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://*.office365.com',
] as const;

export interface SecurityHeadersOptions {
  /** Public base URL of the service; adds its wss:// origin for Socket.IO where 'self' alone may not cover it. */
  publicUrl?: string;
}

export function contentSecurityPolicy(options: SecurityHeadersOptions = {}): string {
  const connect = ["'self'"];
  if (options.publicUrl) {
    const url = new URL(options.publicUrl);
    connect.push(`${url.protocol === 'https:' ? 'wss' : 'ws'}://${url.host}`);
  }
  return [
    "default-src 'self'",
    // The tab (teams-js included) is bundled by vite and served from here: no inline or third-party script.
    "script-src 'self'",
    // Fluent UI's Griffel inserts <style> rules at run time; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src ${connect.join(' ')}`,
    `frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * Security headers for every response. Deliberately no X-Frame-Options: it
 * cannot list several hosts, and DENY/SAMEORIGIN would stop Teams from
 * framing the tab; CSP frame-ancestors does that job.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): RequestHandler {
  const csp = contentSecurityPolicy(options);
  const hsts = options.publicUrl?.startsWith('https://');
  return (req, res, next) => {
    res.removeHeader('X-Powered-By');
    res.setHeader('Content-Security-Policy', csp);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'strict-origin-when-cross-origin');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (hsts) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    // API answers carry people's agenda and notes: no browser or proxy cache may keep them.
    if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  };
}
