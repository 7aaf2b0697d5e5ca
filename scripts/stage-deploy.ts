import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run stage:deploy` (after `npm run build`): lays out dist/deploy exactly
 * as App Service runs it — dist/server.mjs, the built tab under tab/dist and
 * production dependencies only — for azureAppService/zipDeploy. Nothing is
 * built on the server, so what was tested here is what runs there.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
const target = join(root, 'dist', 'deploy');

const required = [join(root, 'dist', 'server.mjs'), join(root, 'tab', 'dist', 'panel.html')];
const missing = required.filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`Build first (npm run build); missing: ${missing.join(', ')}`);
  process.exit(1);
}

rmSync(target, { recursive: true, force: true });
mkdirSync(join(target, 'dist'), { recursive: true });
for (const entry of readdirSync(join(root, 'dist'))) {
  if (entry !== 'deploy') cpSync(join(root, 'dist', entry), join(target, 'dist', entry), { recursive: true });
}
cpSync(join(root, 'tab', 'dist'), join(target, 'tab', 'dist'), { recursive: true });
for (const file of ['package.json', 'package-lock.json', '.npmrc']) cpSync(join(root, file), join(target, file));

execFileSync('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], { cwd: target, stdio: 'inherit' });
console.log(`Staged ${target} for zip deploy.`);
