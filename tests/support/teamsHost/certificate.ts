import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

export interface Certificate {
  key: string;
  cert: string;
}

/**
 * A throw-away self-signed certificate for the given host names, made with
 * the openssl CLI at test time (Node cannot issue X.509 certificates itself).
 * Chromium runs with --ignore-certificate-errors, so nothing needs trusting.
 */
export async function selfSignedCertificate(hostNames: readonly string[]): Promise<Certificate> {
  const dir = await mkdtemp(path.join(tmpdir(), 'one-on-one-cert-'));
  try {
    const key = path.join(dir, 'key.pem');
    const cert = path.join(dir, 'cert.pem');
    await promisify(execFile)('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${hostNames[0] ?? 'localhost'}`,
      '-addext',
      `subjectAltName=${hostNames.map((name) => `DNS:${name}`).join(',')}`,
      '-keyout',
      key,
      '-out',
      cert,
    ]);
    return { key: await readFile(key, 'utf8'), cert: await readFile(cert, 'utf8') };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
