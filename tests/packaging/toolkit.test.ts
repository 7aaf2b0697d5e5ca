import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ENV_KEYS } from '../../bot/src/config.js';
import { parseEnvFile, placeholdersIn, REPO_ROOT } from '../../scripts/package-app.js';
import { outputNames, parseBicepFile } from './bicep.js';

interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface Lifecycle {
  version: string;
  environmentFolderPath?: string;
  provision?: Step[];
  deploy?: Step[];
  publish?: Step[];
}

const read = (path: string) => readFileSync(join(REPO_ROOT, path), 'utf8');
const project = parse(read('teamsapp.yml')) as Lifecycle;
const local = parse(read('teamsapp.local.yml')) as Lifecycle;

/** Actions of the v1.11 Toolkit yaml schema this project uses. */
const KNOWN_ACTIONS = new Set([
  'teamsApp/create',
  'teamsApp/validateManifest',
  'teamsApp/zipAppPackage',
  'teamsApp/validateAppPackage',
  'teamsApp/update',
  'teamsApp/publishAppPackage',
  'aadApp/create',
  'aadApp/update',
  'arm/deploy',
  'botFramework/create',
  'cli/runNpmCommand',
  'azureAppService/zipDeploy',
  'file/createOrUpdateEnvironmentFile',
]);

/** Set by the Toolkit itself, or asked for when empty. */
const BUILT_IN = new Set(['TEAMSFX_ENV', 'AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME']);

/** The placeholders a step resolves: in its own arguments and in the files it reads. */
function placeholdersOf(step: Step): string[] {
  const files: string[] = [];
  if (step.uses === 'teamsApp/zipAppPackage' || step.uses === 'teamsApp/validateManifest') {
    files.push(String(step.with?.manifestPath));
  }
  if (step.uses === 'aadApp/update') files.push(String(step.with?.manifestPath));
  if (step.uses === 'arm/deploy') {
    for (const template of step.with?.templates as { parameters: string }[]) files.push(template.parameters);
  }
  return [...placeholdersIn(JSON.stringify(step.with ?? {})), ...files.flatMap((file) => placeholdersIn(read(file)))];
}

/** What a step writes to the env file. */
async function writtenBy(step: Step): Promise<string[]> {
  const written = Object.values(step.writeToEnvironmentFile ?? {});
  if (step.uses === 'arm/deploy') {
    for (const template of step.with?.templates as { path: string }[]) {
      written.push(...outputNames(await parseBicepFile(join(REPO_ROOT, template.path))));
    }
  }
  return [...written, ...selfGenerated(step)];
}

/** Values a step generates for its own use: aadApp/update makes up the scope id when it is empty. */
function selfGenerated(step: Step): string[] {
  return step.uses === 'aadApp/update' ? ['AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] : [];
}

/**
 * Walks the steps in order: every placeholder must be a Toolkit built-in, a
 * value the person provides in the env template, or written by an earlier step.
 */
async function unavailablePlaceholders(steps: Step[], template: Record<string, string>, alsoWritten: string[] = []) {
  const laterWritten = new Set(alsoWritten);
  for (const step of steps) for (const name of await writtenBy(step)) laterWritten.add(name);
  const provided = Object.keys(template).filter((name) => !laterWritten.has(name));
  const available = new Set([...BUILT_IN, ...provided, ...alsoWritten]);
  const problems: string[] = [];
  for (const step of steps) {
    for (const name of placeholdersOf(step)) {
      if (!available.has(name) && !selfGenerated(step).includes(name)) problems.push(`${step.uses} reads ${name}`);
    }
    for (const name of await writtenBy(step)) available.add(name);
  }
  return problems;
}

describe.each([
  ['teamsapp.yml', project, 'env/.env.dev'],
  ['teamsapp.local.yml', local, 'env/.env.local'],
])('%s', (_, lifecycle, envTemplate) => {
  const template = parseEnvFile(read(envTemplate));
  const steps = [...(lifecycle.provision ?? []), ...(lifecycle.deploy ?? []), ...(lifecycle.publish ?? [])];

  it('uses the v1.11 schema and only actions that schema defines', () => {
    expect(lifecycle.version).toBe('v1.11');
    expect(steps.map((s) => s.uses).filter((uses) => !KNOWN_ACTIONS.has(uses))).toEqual([]);
  });

  it('provisions so that every value is known before a step reads it', async () => {
    expect(await unavailablePlaceholders(lifecycle.provision ?? [], template)).toEqual([]);
  });

  it('deploys and publishes with values provisioning wrote', async () => {
    const provisioned = (await Promise.all((lifecycle.provision ?? []).map(writtenBy))).flat();
    for (const phase of [lifecycle.deploy, lifecycle.publish]) {
      expect(await unavailablePlaceholders(phase ?? [], template, provisioned)).toEqual([]);
    }
  });

  it(`lists every generated value in ${envTemplate}, and no secret value`, async () => {
    const generated = (await Promise.all(steps.map(writtenBy))).flat().filter((name) => !name.startsWith('SECRET_'));
    expect(generated.filter((name) => !(name in template))).toEqual([]);
    expect(Object.entries(template).filter(([name, value]) => name.startsWith('SECRET_') && value !== '')).toEqual([]);
  });

  it('validates the manifest and the package before updating the Teams app', () => {
    const order = (lifecycle.provision ?? []).map((s) => s.uses);
    const at = (uses: string) => order.indexOf(uses);
    expect(at('teamsApp/create')).toBe(0);
    expect(at('teamsApp/validateManifest')).toBeGreaterThan(-1);
    expect(at('teamsApp/validateManifest')).toBeLessThan(at('teamsApp/zipAppPackage'));
    expect(at('teamsApp/zipAppPackage')).toBeLessThan(at('teamsApp/validateAppPackage'));
    expect(at('teamsApp/validateAppPackage')).toBeLessThan(at('teamsApp/update'));
  });
});

describe('teamsapp.yml', () => {
  it('provisions the Entra app, then Azure, then applies the Entra manifest once the host name is known', () => {
    const order = project.provision!.map((s) => s.uses);
    expect(order.slice(0, 4)).toEqual(['teamsApp/create', 'aadApp/create', 'arm/deploy', 'aadApp/update']);
  });

  it('creates one single-tenant Entra app, with a service principal, for the bot and the sign-in', () => {
    const apps = project.provision!.filter((s) => s.uses === 'aadApp/create');
    expect(apps).toHaveLength(1);
    expect(apps[0]!.with).toMatchObject({ signInAudience: 'AzureADMyOrg', generateServicePrincipal: true });
    const parameters = read('infra/main.parameters.json');
    expect(parameters).toContain(`\${{${apps[0]!.writeToEnvironmentFile!.clientSecret}}}`);
  });

  it('deploys the staged folder to the App Service that provisioning created', () => {
    const deploy = project.deploy!;
    expect(deploy.map((s) => s.uses)).toEqual([
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'cli/runNpmCommand',
      'azureAppService/zipDeploy',
    ]);
    expect(deploy.slice(0, 3).map((s) => s.with?.args)).toEqual([
      'ci --no-audit --no-fund',
      'run build',
      'run stage:deploy',
    ]);
    expect(deploy[3]!.with).toEqual({
      artifactFolder: './dist/deploy',
      resourceId: '${{AZURE_APP_SERVICE_RESOURCE_ID}}',
    });
    expect(read('scripts/stage-deploy.ts')).toContain("join(root, 'dist', 'deploy')");
  });

  it('publishes the validated package to the tenant app catalog', () => {
    expect(project.publish!.map((s) => s.uses).slice(-1)).toEqual(['teamsApp/publishAppPackage']);
  });
});

describe('teamsapp.local.yml', () => {
  it('registers a single-tenant bot that points at the dev tunnel', () => {
    const app = local.provision!.find((s) => s.uses === 'aadApp/create');
    expect(app?.with).toMatchObject({ signInAudience: 'AzureADMyOrg', generateServicePrincipal: true });
    const registration = local.provision!.find((s) => s.uses === 'botFramework/create');
    expect(registration?.with).toMatchObject({
      botId: `\${{${app?.writeToEnvironmentFile?.clientId}}}`,
      messagingEndpoint: '${{PUBLIC_URL}}/api/messages',
    });
  });

  it('writes only settings the service reads, never DEV_MODE, for a real Teams run on port 3978', () => {
    const step = local.deploy!.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile')!;
    const envs = step.with!.envs as Record<string, unknown>;
    expect(Object.keys(envs).filter((key) => !(ENV_KEYS as string[]).includes(key))).toEqual([]);
    expect(envs).not.toHaveProperty('DEV_MODE');
    expect(envs).toMatchObject({ PORT: 3978, MicrosoftAppType: 'SingleTenant' });
  });
});
