import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ENV_KEYS } from '../../bot/src/config.js';
import { CONTAINERS, PARTITION_KEYS, type ContainerName } from '../../bot/src/store/cosmos.js';
import { REPO_ROOT } from '../../scripts/package-app.js';
import {
  bicepFilesUnder,
  modules,
  objectKeys,
  outputNames,
  parameters,
  parseBicep,
  parseBicepFile,
  resourcesOfType,
  stringValue,
  syntaxProblems,
  valueAt,
} from './bicep.js';

const INFRA = join(REPO_ROOT, 'infra');
const MAIN = join(INFRA, 'main.bicep');

/**
 * Variables the service reads that the Azure template deliberately leaves
 * unset. Everything else in bot/src/config.ts must be set by the template.
 */
const NOT_SET_IN_AZURE: Record<string, string> = {
  DEV_MODE: 'local dev identities; the service refuses them with NODE_ENV=production',
  AUTH_JWKS_URL: "tests point it at a local JWKS; production keeps the default, Entra ID's keys",
  LOG_LEVEL: 'the default (info) is what production wants',
  PORT: 'App Service sets PORT for the container itself',
  COSMOS_KEY: 'Cosmos DB has key auth disabled; the service uses its managed identity',
  RATE_LIMIT_PER_MINUTE: 'the default (600 per user) fits production; set it in the portal to tune',
  SCHEDULER_INTERVAL_SECONDS: 'the default (60 s) fits production',
  COSMOS_REQUEST_TIMEOUT_MS: 'the default (3 s per Cosmos request) fits a same-region account',
  REQUEST_DEADLINE_MS: 'the default (8 s, then 503 with Retry-After) fits production',
  HOST: 'App Service needs every interface, the default outside dev mode',
  BOT_SERVICE_URL_HOSTS: "the default is Microsoft's Teams service URL hosts; tests name their fake connector",
  REDIS_TIMEOUT_MS: 'the default (200 ms, then the in-memory fallback decides) fits a same-region Redis',
  SERIES_CACHE_SIZE: 'the default (5,000 1:1s per instance) fits production; tests make it small to force eviction',
  REJOIN_WINDOW_MINUTES: 'the default (30 minutes) fits a dropped Teams call; a deployer may tune it',
};

/** Settings for App Service itself, which the service does not read. */
const PLATFORM_SETTINGS = new Set([
  'SCM_DO_BUILD_DURING_DEPLOYMENT', // the package is built before zip deploy
]);

describe('the Bicep templates', () => {
  const files = bicepFilesUnder(INFRA);

  it('include the main template and its modules', () => {
    expect(files.map((f) => f.slice(INFRA.length + 1))).toEqual(
      expect.arrayContaining(['main.bicep', 'modules/bot.bicep', 'modules/cosmos.bicep']),
    );
  });

  it.each(files.map((f) => [f.slice(INFRA.length + 1), f]))('%s parses without syntax errors', async (_, file) => {
    expect(syntaxProblems(await parseBicepFile(file))).toEqual([]);
  });

  it('the syntax check reports a broken template with the line of each problem', async () => {
    const broken = [
      "param location string = 'westeurope'",
      "resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {",
      "  name: 'plan'",
      '  properties: {',
      '    reserved: true',
      '}',
      '',
    ].join('\n');
    const problems = syntaxProblems(await parseBicep(broken));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => /^line \d+, column \d+: /.test(p))).toBe(true);
    expect(problems.join('\n')).toMatch(/line [67], column \d+: missing \}/);
  });

  it('pass every required parameter to each module, and only parameters the module declares', async () => {
    const main = await parseBicepFile(MAIN);
    const used = modules(main);
    expect(used.map((m) => m.name).sort()).toEqual(['bot', 'cosmos']);
    for (const module of used) {
      const declared = parameters(await parseBicepFile(join(dirname(MAIN), module.path)));
      const passed = objectKeys(valueAt(module.body, 'params')!);
      const required = declared.filter((p) => !p.hasDefault).map((p) => p.name);
      expect({ module: module.name, missing: required.filter((p) => !passed.includes(p)) }).toEqual({
        module: module.name,
        missing: [],
      });
      expect(passed.filter((p) => !declared.some((d) => d.name === p))).toEqual([]);
    }
  });
});

describe('the web app', () => {
  it('runs the built service on Node 22 LTS, HTTPS only, always on, with WebSockets', async () => {
    const [site] = resourcesOfType(await parseBicepFile(MAIN), 'Microsoft.Web/sites@');
    expect(stringValue(valueAt(site!, 'kind'))).toBe('app,linux');
    expect(stringValue(valueAt(site!, 'properties.siteConfig.linuxFxVersion'))).toBe('NODE|22-lts');
    expect(valueAt(site!, 'properties.httpsOnly')?.text).toBe('true');
    expect(valueAt(site!, 'properties.siteConfig.alwaysOn')?.text).toBe('true');
    expect(valueAt(site!, 'properties.siteConfig.webSocketsEnabled')?.text).toBe('true');
    expect(valueAt(site!, 'identity.type')?.text).toBe("'UserAssigned'");

    // The start-up command runs the file `npm run build:bot` writes.
    const startup = stringValue(valueAt(site!, 'properties.siteConfig.appCommandLine'));
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const outfile = /--outfile=(\S+)/.exec(pkg.scripts['build:bot'] ?? '')?.[1];
    expect(startup).toBe(`node ${outfile}`);
  });

  it('sets every variable the service needs in production and nothing it does not read', async () => {
    const [settings] = resourcesOfType(await parseBicepFile(MAIN), 'Microsoft.Web/sites/config@');
    const set = objectKeys(valueAt(settings!, 'properties')!);

    const needed = ENV_KEYS.filter((key) => !(key in NOT_SET_IN_AZURE));
    expect(needed.filter((key) => !set.includes(key))).toEqual([]);
    expect(set.filter((key) => !(ENV_KEYS as string[]).includes(key) && !PLATFORM_SETTINGS.has(key))).toEqual([]);
    // The allow-list names real variables, so a renamed one cannot hide here.
    expect(Object.keys(NOT_SET_IN_AZURE).filter((key) => !(ENV_KEYS as string[]).includes(key))).toEqual([]);

    expect(set).not.toContain('DEV_MODE');
    expect(stringValue(valueAt(settings!, 'properties.NODE_ENV'))).toBe('production');
    expect(stringValue(valueAt(settings!, 'properties.MicrosoftAppType'))).toBe('SingleTenant');
    // The bot's secret comes from a @secure() parameter, never from a literal in the template.
    expect(valueAt(settings!, 'properties.MicrosoftAppPassword')?.type).toBe('identifier');
  });
});

describe('Cosmos DB', () => {
  it('is serverless with key auth disabled', async () => {
    const [account] = resourcesOfType(
      await parseBicepFile(join(INFRA, 'modules/cosmos.bicep')),
      'Microsoft.DocumentDB/databaseAccounts@',
    );
    expect(valueAt(account!, 'properties.disableLocalAuth')?.text).toBe('true');
    expect(valueAt(account!, 'properties.capabilities')?.text).toMatch(/name:\s*'EnableServerless'/);
  });

  it('creates the containers the service opens, each with the partition key the service uses', async () => {
    const cosmos = await parseBicepFile(join(INFRA, 'modules/cosmos.bicep'));
    const declared = parameters(cosmos).find((p) => p.name === 'containers');
    expect(declared?.hasDefault).toBe(true);
    const parameter = cosmos
      .descendantsOfType('parameter_declaration')
      .find((p) => p.text.includes('param containers'))!;
    const listed = parameter
      .descendantsOfType('object')
      .map((entry) => [stringValue(valueAt(entry, 'name')!), stringValue(valueAt(entry, 'partitionKey')!)]);
    expect(Object.fromEntries(listed)).toEqual(
      Object.fromEntries((Object.keys(CONTAINERS) as ContainerName[]).map((k) => [CONTAINERS[k], PARTITION_KEYS[k]])),
    );

    const [container] = resourcesOfType(cosmos, 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@');
    const paths = valueAt(container!, 'properties.resource.partitionKey.paths');
    expect(paths?.text).toMatch(/container\.partitionKey/);
  });

  it("gives the app's identity the built-in Data Contributor role on the data plane", async () => {
    const cosmos = await parseBicepFile(join(INFRA, 'modules/cosmos.bicep'));
    const [assignment] = resourcesOfType(cosmos, 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@');
    expect(assignment).toBeDefined();
    expect(cosmos.text).toContain("'00000000-0000-0000-0000-000000000002'");
    const main = await parseBicepFile(MAIN);
    const module = modules(main).find((m) => m.name === 'cosmos')!;
    expect(valueAt(module.body, 'params.dataContributorPrincipalId')?.text).toBe('identity.properties.principalId');
  });
});

describe('the Azure Bot', () => {
  it('is a single-tenant bot (no new multi-tenant registrations) with the Teams channel', async () => {
    const bot = await parseBicepFile(join(INFRA, 'modules/bot.bicep'));
    const [service] = resourcesOfType(bot, 'Microsoft.BotService/botServices@');
    expect(stringValue(valueAt(service!, 'properties.msaAppType'))).toBe('SingleTenant');
    const [channel] = resourcesOfType(bot, 'Microsoft.BotService/botServices/channels@');
    expect(stringValue(valueAt(channel!, 'name'))).toBe('MsTeamsChannel');
  });
});

describe('the deployment parameters', () => {
  it('name only parameters main.bicep declares and give every one without a default', async () => {
    const declared = parameters(await parseBicepFile(MAIN));
    const file = JSON.parse(readFileSync(join(INFRA, 'main.parameters.json'), 'utf8')) as {
      parameters: Record<string, unknown>;
    };
    const given = Object.keys(file.parameters);
    expect(given.filter((p) => !declared.some((d) => d.name === p))).toEqual([]);
    expect(declared.filter((d) => !d.hasDefault && !given.includes(d.name)).map((d) => d.name)).toEqual([]);
  });

  it('write back the values the app package and deploy step read', async () => {
    const outputs = outputNames(await parseBicepFile(MAIN));
    expect(outputs).toEqual(
      expect.arrayContaining(['APP_DOMAIN', 'PUBLIC_URL', 'AZURE_APP_SERVICE_RESOURCE_ID', 'COSMOS_ENDPOINT']),
    );
  });
});
