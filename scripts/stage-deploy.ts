import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run stage:deploy` (after `npm run build`): lays out dist/deploy exactly
 * as App Service runs it — dist/server.mjs, the built tab under tab/dist and
 * the packages the server bundle imports — for azureAppService/zipDeploy.
 * Nothing is built on the server, so what was tested here is what runs there.
 */

interface PackageJson {
  name: string;
  version: string;
  type?: string;
  engines?: Record<string, string>;
  dependencies?: Record<string, string>;
  allowScripts?: Record<string, boolean>;
}

/**
 * Package names a bundle imports: bare specifiers, minus Node's own modules.
 * A specifier has no spaces or commas, so code like `'@from', value: from` is not taken for one.
 */
export function importedPackages(bundle: string): string[] {
  const specifiers = [
    ...bundle.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\(\s*)["']([^"'./\s,][^"'\s,]*)["']/g),
  ].map((m) => m[1]!);
  const names = specifiers
    .filter((s) => !s.startsWith('node:') && !builtinModules.includes(s.split('/')[0]!))
    .map((s) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!));
  return [...new Set(names)].sort();
}

/**
 * The deployed package.json: only the dependencies the server bundle imports
 * (the tab's React and Fluent UI are already in its bundle), at the versions
 * the project pins.
 */
export function deployManifest(root: PackageJson, bundles: string[]): PackageJson {
  const imported = [...new Set(bundles.flatMap(importedPackages))];
  const undeclared = imported.filter((name) => !root.dependencies?.[name]);
  if (undeclared.length > 0) {
    throw new Error(`The server imports packages that are not dependencies in package.json: ${undeclared.join(', ')}`);
  }
  return {
    name: root.name,
    version: root.version,
    type: root.type,
    engines: root.engines,
    dependencies: Object.fromEntries(imported.map((name) => [name, root.dependencies![name]!])),
    allowScripts: root.allowScripts,
  };
}

function stage(root: string): void {
  const target = join(root, 'dist', 'deploy');
  const required = [join(root, 'dist', 'server.mjs'), join(root, 'tab', 'dist', 'panel.html')];
  const missing = required.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`Build first (npm run build); missing: ${missing.join(', ')}`);

  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, 'dist'), { recursive: true });
  const bundles: string[] = [];
  for (const entry of readdirSync(join(root, 'dist'))) {
    if (entry === 'deploy') continue;
    cpSync(join(root, 'dist', entry), join(target, 'dist', entry), { recursive: true });
    if (entry.endsWith('.mjs') || entry.endsWith('.js')) bundles.push(readFileSync(join(root, 'dist', entry), 'utf8'));
  }
  cpSync(join(root, 'tab', 'dist'), join(target, 'tab', 'dist'), { recursive: true });

  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as PackageJson;
  writeFileSync(join(target, 'package.json'), JSON.stringify(deployManifest(pkg, bundles), null, 2) + '\n');
  // The project's lock file keeps every version as tested; npm drops what the trimmed package.json no longer needs.
  cpSync(join(root, 'package-lock.json'), join(target, 'package-lock.json'));
  cpSync(join(root, '.npmrc'), join(target, '.npmrc'));
  execFileSync('npm', ['install', '--omit=dev', '--no-audit', '--no-fund'], { cwd: target, stdio: 'inherit' });
  console.log(`Staged ${target} for zip deploy.`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    stage(fileURLToPath(new URL('..', import.meta.url)));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
