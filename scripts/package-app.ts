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
 * @microsoft/app-manifest (offline) and zips it with its two icons and its
 * language files (`localizationInfo`, each checked against the bundled
 * localization schema of the same manifest version).
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
export function resolvePlaceholders(
  text: string,
  vars: Record<string, string | undefined>,
  where: string,
  file = 'manifest.json',
): string {
  const missing = placeholdersIn(text).filter((name) =>
    MAY_BE_EMPTY.has(name) ? vars[name] === undefined : !vars[name]?.trim(),
  );
  if (missing.length > 0) {
    throw new PackagingError(
      `Unresolved placeholders in appPackage/${file}: ${missing.join(', ')}.\n` +
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
  /** The language files (`localizationInfo.additionalLanguages`), by file name, placeholders resolved. */
  languages: Record<string, Record<string, string>>;
  zipPath: string;
  manifestPath: string;
}

/** A value of the manifest by a localization key's path (`composeExtensions[0].commands[0].title`). */
function valueAt(manifest: unknown, path: string): unknown {
  return path
    .split(/\.|\[(\d+)\]/)
    .filter((part) => part !== undefined && part !== '')
    .reduce<unknown>(
      (node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined),
      manifest,
    );
}

/**
 * The localization schema of this manifest version. @microsoft/app-manifest
 * serves developer.microsoft.com schema URLs from its bundled copies, so this
 * stays offline like the manifest's own validation.
 */
export const localizationSchemaUrl = (manifestVersion: string) =>
  `https://developer.microsoft.com/json-schemas/teams/v${manifestVersion}/MicrosoftTeams.Localization.schema.json`;

/**
 * The bundled localization schemas spell two key patterns with an unescaped
 * `]` (`…\\b]\\.description`), which is not valid in the Unicode mode the
 * validator compiles patterns in; escaped, they mean the same and compile.
 */
export function compilableSchema<S>(schema: S): S {
  const patterns = (schema as { patternProperties?: Record<string, unknown> }).patternProperties;
  if (!patterns) return schema;
  const fixed = Object.fromEntries(
    Object.entries(patterns).map(([pattern, rule]) => [pattern.replace(/\\b\]/g, '\\b\\]'), rule]),
  );
  return { ...schema, patternProperties: fixed };
}

/**
 * Each language file named in `localizationInfo`: placeholders resolved like
 * the manifest's, valid against the localization schema, and every key a
 * string the manifest really has (a renamed or reordered tab would otherwise
 * be translated under the wrong name, silently).
 */
async function languageFiles(
  appDir: string,
  manifest: TeamsManifest,
  vars: Record<string, string | undefined>,
  where: string,
): Promise<Record<string, Record<string, string>>> {
  const files: Record<string, Record<string, string>> = {};
  const info = (manifest as { localizationInfo?: { additionalLanguages?: { file: string }[] } }).localizationInfo;
  for (const { file } of info?.additionalLanguages ?? []) {
    if (!/^[A-Za-z0-9_-]+\.json$/.test(file)) throw new PackagingError(`"${file}" is not a language file name.`);
    const path = join(appDir, file);
    if (!existsSync(path)) throw new PackagingError(`The manifest names appPackage/${file}, which does not exist.`);
    const strings = JSON.parse(resolvePlaceholders(readFileSync(path, 'utf8'), vars, where, file)) as Record<
      string,
      string
    >;
    const schemaUrl = localizationSchemaUrl(manifest.manifestVersion);
    const schema = compilableSchema(await AppManifestUtils.fetchSchema(schemaUrl));
    const problems = [
      ...(strings.$schema === schemaUrl ? [] : [`"$schema" must be ${schemaUrl}, the manifest's version`]),
      ...(await AppManifestUtils.validateAgainstSchema(strings as unknown as TeamsManifest, schema)),
    ];
    const unknown = Object.keys(strings).filter(
      (key) => key !== '$schema' && typeof valueAt(manifest, key) !== 'string',
    );
    if (problems.length > 0 || unknown.length > 0) {
      throw new PackagingError(
        `appPackage/${file} does not match the Teams localization schema ${manifest.manifestVersion}:\n` +
          [...problems, ...unknown.map((key) => `"${key}" names nothing in the manifest`)]
            .map((p) => `  - ${p}`)
            .join('\n'),
      );
    }
    files[file] = strings;
  }
  return files;
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

  const languages = await languageFiles(appDir, manifest, vars, file);

  // Fixed timestamps make the zip a function of its contents.
  const mtime = new Date('2025-01-01T00:00:00Z');
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {
    'manifest.json': [Buffer.from(JSON.stringify(manifest, null, 2) + '\n'), { mtime }],
  };
  for (const [name, strings] of Object.entries(languages)) {
    entries[name] = [Buffer.from(JSON.stringify(strings, null, 2) + '\n'), { mtime }];
  }
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    entries[icon] = [readFileSync(join(appDir, icon)), { mtime }];
  }

  mkdirSync(outDir, { recursive: true });
  const zipPath = join(outDir, `appPackage.${options.env}.zip`);
  const manifestPath = join(outDir, `manifest.${options.env}.json`);
  writeFileSync(zipPath, zipSync(entries, { level: 9 }));
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return { manifest, languages, zipPath, manifestPath };
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
