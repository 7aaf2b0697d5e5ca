import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';

/**
 * `npm run package -- --env dev` builds appPackage/build/appPackage.dev.zip
 * the way the Teams/Agents Toolkit's teamsApp/zipAppPackage does: it fills the
 * manifest's `${{VAR}}` placeholders from env/.env.dev (then env/.env.dev.user,
 * then the process environment), refuses any placeholder left unresolved,
 * validates the result against the Teams schema bundled in
 * @microsoft/app-manifest (offline) and zips it with its two icons.
 */

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
/** Placeholders whose empty value is meaningful: production has no name suffix. */
const MAY_BE_EMPTY = new Set(['APP_NAME_SUFFIX']);

export class PackagingError extends Error {}

/** Reads a Toolkit env file: KEY=VALUE lines, `#` comments, optional quotes. */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const [, key, raw] = match as unknown as [string, string, string];
    const quoted = /^(['"])(.*)\1$/.exec(raw);
    vars[key] = quoted ? quoted[2]! : raw.replace(/\s+#.*$/, '');
  }
  return vars;
}

/** Names of every `${{VAR}}` in a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/**
 * Replaces every `${{VAR}}`. An unset or empty variable is an error naming all
 * of them at once, so one run tells the person everything to fill in. Every
 * placeholder sits inside a JSON string, so values are escaped as JSON text.
 */
export function resolvePlaceholders(text: string, vars: Record<string, string | undefined>, where: string): string {
  const missing = placeholdersIn(text).filter((name) =>
    MAY_BE_EMPTY.has(name) ? vars[name] === undefined : !vars[name]?.trim(),
  );
  if (missing.length > 0) {
    throw new PackagingError(
      `Unresolved placeholders in appPackage/manifest.json: ${missing.join(', ')}.\n` +
        `Set ${missing.length === 1 ? 'it' : 'them'} in ${where} ` +
        '(`atk provision` — formerly `teamsapp provision` — writes the generated ones there).',
    );
  }
  return text.replace(PLACEHOLDER, (_, name: string) => JSON.stringify(vars[name] ?? '').slice(1, -1));
}

export interface PackageOptions {
  /** Environment name: reads `<envDir>/.env.<env>`. */
  env: string;
  root?: string;
  envDir?: string;
  outDir?: string;
  /** Wins over the env files, as the Toolkit lets the process environment do. */
  overrides?: Record<string, string | undefined>;
}

export interface BuiltPackage {
  manifest: TeamsManifest;
  zipPath: string;
  manifestPath: string;
}

export function loadEnvironment(envDir: string, env: string, overrides: Record<string, string | undefined> = {}) {
  const file = join(envDir, `.env.${env}`);
  if (!/^[A-Za-z0-9_-]+$/.test(env)) throw new PackagingError(`"${env}" is not an environment name.`);
  if (!existsSync(file)) {
    throw new PackagingError(`No environment file ${file}. Create it (see env/.env.dev) or pick another --env.`);
  }
  const user = join(envDir, `.env.${env}.user`);
  const vars: Record<string, string | undefined> = {
    ...parseEnvFile(readFileSync(file, 'utf8')),
    ...(existsSync(user) ? parseEnvFile(readFileSync(user, 'utf8')) : {}),
  };
  for (const [key, value] of Object.entries(overrides)) if (value?.trim()) vars[key] = value;
  vars.TEAMSFX_ENV ??= env;
  return { vars, file };
}

export async function buildAppPackage(options: PackageOptions): Promise<BuiltPackage> {
  const root = options.root ?? REPO_ROOT;
  const appDir = join(root, 'appPackage');
  const outDir = options.outDir ?? join(appDir, 'build');
  const { vars, file } = loadEnvironment(options.envDir ?? join(root, 'env'), options.env, options.overrides);

  const template = readFileSync(join(appDir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(resolvePlaceholders(template, vars, file)) as TeamsManifest;

  const problems = await AppManifestUtils.validateAgainstSchema(manifest);
  if (problems.length > 0) {
    throw new PackagingError(
      `The manifest for "${options.env}" does not match the Teams schema ${manifest.manifestVersion}:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }

  // Fixed timestamps make the zip a function of its contents.
  const mtime = new Date('2025-01-01T00:00:00Z');
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {
    'manifest.json': [Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), { mtime }],
  };
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    entries[icon] = [readFileSync(join(appDir, icon)), { mtime }];
  }

  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.env}.zip`);
  const manifestPath = join(outDir, `manifest.${options.env}.json`);
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { manifest, zipPath, manifestPath };
}

/** CLI entry: returns the exit code so tests can drive it without a child process. */
export async function main(argv: string[], options: Omit<PackageOptions, 'env'> = {}): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { env: { type: 'string', default: 'dev' } }, strict: true });
  try {
    const built = await buildAppPackage({ ...options, env: values.env, overrides: options.overrides ?? process.env });
    console.log(`Teams app package for "${values.env}": ${built.zipPath}`);
    return 0;
  } catch (error) {
    if (!(error instanceof PackagingError)) throw error;
    console.error(error.message);
    return 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
