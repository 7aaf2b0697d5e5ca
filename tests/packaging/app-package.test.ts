import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppManifestUtils, type TeamsManifestV1D22 } from '@microsoft/app-manifest';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  buildAppPackage,
  compilableSchema,
  localizationSchemaUrl,
  main,
  PackagingError,
  parseEnvFile,
  placeholdersIn,
  REPO_ROOT,
} from '../../scripts/package-app.js';
import { readPngHeader } from './png.js';

/** What `atk provision` leaves in env/.env.<env>, plus the publisher fields a person fills in. */
const PROVISIONED = {
  APP_NAME_SUFFIX: ' (ci)',
  TEAMS_APP_ID: '0b1e9c1a-7d44-4a53-9e0c-3f2f4b7b8a10',
  AAD_APP_CLIENT_ID: 'c3d4e5f6-a7b8-4c9d-8e0f-112233445566',
  APP_DOMAIN: 'o1oabc123-app.azurewebsites.net',
  PUBLIC_URL: 'https://o1oabc123-app.azurewebsites.net',
  DEVELOPER_NAME: 'Contoso "People" Team',
  PRIVACY_URL: 'https://contoso.example/privacy',
  TERMS_OF_USE_URL: 'https://contoso.example/terms',
};

function envFile(vars: Record<string, string>): string {
  return Object.entries(vars)
    .map(([key, value]) => `${key}="${value}"`)
    .join('\n');
}

const manifestTemplate = readFileSync(join(REPO_ROOT, 'appPackage/manifest.json'), 'utf8');

/**
 * Chat-scoped RSC permissions and the calls that need them
 * (learn.microsoft.com/microsoftteams/platform/graph-api/rsc/resource-specific-consent).
 * The manifest asks for a permission exactly when the code makes such a call,
 * so adding stage sharing or participant lookups fails here until the
 * manifest asks for the matching permission, and unused ones cannot linger.
 */
const RSC_USES: Record<string, RegExp> = {
  // Meeting start/end events and getMeetingInfo (organizer, scheduled times).
  'OnlineMeeting.ReadBasic.Chat/Application':
    /\bgetMeetingInfo\b|\bmeetings\.(start|end)\b|\bmeetingStart\b|\bmeetingEnd\b/,
  // getMeetingParticipant (role in the meeting) and participant join/leave events.
  'OnlineMeetingParticipant.Read.Chat/Application':
    /\bgetMeetingParticipant\b|\bparticipantsJoin\b|\bparticipantsLeave\b/,
  // Sharing the panel to the meeting stage from teams-js.
  'MeetingStage.Write.Chat/Delegated': /\bshareAppContentToStage\b/,
};

function sourceFiles(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.(ts|tsx)$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => join(REPO_ROOT, dir, file));
}

describe('npm run package', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function build(vars: Record<string, string> = PROVISIONED) {
    writeFileSync(join(dir, '.env.ci'), envFile(vars));
    return buildAppPackage({ env: 'ci', envDir: dir, outDir: dir, overrides: {} });
  }

  it('resolves every placeholder into a manifest the bundled Teams schema accepts', async () => {
    const { manifest } = await build();
    expect(JSON.stringify(manifest)).not.toMatch(/\$\{\{/);
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
    expect(manifest.id).toBe(PROVISIONED.TEAMS_APP_ID);
    expect(manifest.name.short).toBe('1:1 Companion (ci)');
    expect(manifest.developer.name).toBe('Contoso "People" Team');
  });

  it('zips exactly the manifest, the two icons at the sizes Teams requires, and the German strings', async () => {
    const { zipPath, manifest, languages } = await build();
    expect(zipPath).toBe(join(dir, 'appPackage.ci.zip'));
    const files = unzipSync(readFileSync(zipPath));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'de.json', 'manifest.json', 'outline.png']);
    expect(JSON.parse(Buffer.from(files['manifest.json']!).toString('utf8'))).toEqual(manifest);
    expect(JSON.parse(Buffer.from(files['de.json']!).toString('utf8'))).toEqual(languages['de.json']);
    expect(readPngHeader(files[manifest.icons.color]!)).toMatchObject({ width: 192, height: 192 });
    expect(readPngHeader(files[manifest.icons.outline]!)).toMatchObject({ width: 32, height: 32 });
  });

  it('refuses to package while a placeholder is unset or empty, naming each one and the file to fix', async () => {
    const { AAD_APP_CLIENT_ID: _app, ...withoutApp } = PROVISIONED;
    await expect(build({ ...withoutApp, PRIVACY_URL: '' })).rejects.toThrow(PackagingError);
    await expect(build({ ...withoutApp, PRIVACY_URL: '' })).rejects.toThrow(
      /Unresolved placeholders in appPackage\/manifest\.json: PRIVACY_URL, AAD_APP_CLIENT_ID\.\nSet them in .*\.env\.ci/,
    );
  });

  it('packages the German name and descriptions, valid against the bundled localization schema, suffix resolved', async () => {
    const { manifest, languages } = await build();
    const german = languages['de.json']!;
    expect((manifest as Manifest).localizationInfo).toEqual({
      defaultLanguageTag: 'en-us',
      additionalLanguages: [{ languageTag: 'de', file: 'de.json' }],
    });
    const schema = compilableSchema(
      await AppManifestUtils.fetchSchema(localizationSchemaUrl(manifest.manifestVersion)),
    );
    expect(await AppManifestUtils.validateAgainstSchema(german as never, schema)).toEqual([]);
    expect(german['name.short']).toBe('1:1 Companion (ci)');
    expect(german['description.short']).toMatch(/Agenda, Notizen und Aufgaben/);
    expect(german['staticTabs[0].name']).toBe('Meine 1:1s');
    expect(german['composeExtensions[0].commands[0].title']).toBe('Zur 1:1-Agenda hinzufügen');
    // Every string a person reads in the store and in Teams' menus has its German form.
    expect(Object.keys(german).sort()).toEqual(
      [
        '$schema',
        'name.short',
        'name.full',
        'description.short',
        'description.full',
        'staticTabs[0].name',
        'composeExtensions[0].commands[0].title',
        'composeExtensions[0].commands[0].description',
      ].sort(),
    );
  });

  /** A copy of appPackage with de.json changed, to package from. */
  function withGerman(change: (strings: Record<string, string>) => void): string {
    const root = mkdtempSync(join(tmpdir(), 'app-root-'));
    cpSync(join(REPO_ROOT, 'appPackage'), join(root, 'appPackage'), {
      recursive: true,
      filter: (source) => !source.includes('/build'),
    });
    const file = join(root, 'appPackage/de.json');
    const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
    change(strings);
    writeFileSync(file, JSON.stringify(strings));
    return root;
  }

  it('refuses a German file that breaks the localization schema or names a string the manifest lacks', async () => {
    writeFileSync(join(dir, '.env.ci'), envFile(PROVISIONED));
    const buildFrom = (root: string) => buildAppPackage({ env: 'ci', envDir: dir, outDir: dir, overrides: {}, root });
    const tooLong = withGerman((s) => {
      s['composeExtensions[0].commands[0].title'] = 'Diese Nachricht zur Agenda des nächsten 1:1 hinzufügen';
    });
    const stray = withGerman((s) => {
      s['staticTabs[3].name'] = 'Gibt es nicht';
    });
    const unchanged = withGerman(() => undefined);
    try {
      await expect(buildFrom(tooLong)).rejects.toThrow(/de\.json does not match[\s\S]*must NOT have more than 32/);
      await expect(buildFrom(stray)).rejects.toThrow(/"staticTabs\[3\]\.name" names nothing in the manifest/);
      // Positive control: the unchanged copy packages.
      await expect(buildFrom(unchanged)).resolves.toMatchObject({ languages: { 'de.json': {} } });
    } finally {
      for (const root of [tooLong, stray, unchanged]) rmSync(root, { recursive: true, force: true });
    }
  });

  it('accepts an empty name suffix, as a production environment has', async () => {
    const { manifest } = await build({ ...PROVISIONED, APP_NAME_SUFFIX: '' });
    expect(manifest.name.short).toBe('1:1 Companion');
  });

  it('rejects a value that breaks the Teams schema and lists what is wrong', async () => {
    await expect(build({ ...PROVISIONED, TEAMS_APP_ID: 'not-a-guid' })).rejects.toThrow(/\/id must match pattern/);
  });

  it('exits 1 with the reason when the environment file does not exist, and 0 with the zip path otherwise', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const logs = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await main(['--env', 'nowhere'], { envDir: dir, outDir: dir, overrides: {} })).toBe(1);
      expect(errors.mock.calls[0]?.[0]).toMatch(/No environment file .*\.env\.nowhere/);

      writeFileSync(join(dir, '.env.ci'), envFile(PROVISIONED));
      expect(await main(['--env', 'ci'], { envDir: dir, outDir: dir, overrides: {} })).toBe(0);
      expect(logs.mock.calls[0]?.[0]).toContain(join(dir, 'appPackage.ci.zip'));
    } finally {
      errors.mockRestore();
      logs.mockRestore();
    }
  });

  it('lets the process environment override the env file, as the Toolkit does', async () => {
    writeFileSync(join(dir, '.env.ci'), envFile({ ...PROVISIONED, AAD_APP_CLIENT_ID: '' }));
    const { manifest } = await buildAppPackage({
      env: 'ci',
      envDir: dir,
      outDir: dir,
      overrides: { AAD_APP_CLIENT_ID: PROVISIONED.AAD_APP_CLIENT_ID },
    });
    expect(manifest.bots?.[0]?.botId).toBe(PROVISIONED.AAD_APP_CLIENT_ID);
  });
});

/** The template's schema version; its test below fails first if the template moves to another one. */
type Manifest = TeamsManifestV1D22.TeamsManifestV1D22;

describe('the manifest template', () => {
  let manifest: Manifest;
  beforeEach(() => {
    manifest = JSON.parse(manifestTemplate) as Manifest;
  });

  it('uses a current manifest schema (1.19 or newer) bundled for offline validation', () => {
    expect(Number(manifest.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(19);
    expect(manifest.$schema).toBe(
      `https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`,
    );
  });

  it('offers the tab in the meeting side panel, chat, details and stage of group chats', () => {
    expect(manifest.configurableTabs).toHaveLength(1);
    const tab = manifest.configurableTabs![0]!;
    expect(tab.scopes).toEqual(['groupChat']);
    expect([...(tab.context ?? [])].sort()).toEqual(
      ['meetingChatTab', 'meetingDetailsTab', 'meetingSidePanel', 'meetingStage'].sort(),
    );
    expect(tab.configurationUrl).toBe('${{PUBLIC_URL}}/config.html');
  });

  it('installs the bot in group chats and personal chat, as the same Entra app that holds the RSC grants', () => {
    // Teams grants resource-specific permissions to the app in webApplicationInfo;
    // the bot receives meeting events and reads meeting details with them.
    // In personal chat it answers with the person's upcoming 1:1s.
    expect(manifest.bots?.map((b) => [b.botId, b.scopes])).toEqual([
      ['${{AAD_APP_CLIENT_ID}}', ['groupChat', 'personal']],
    ]);
    expect(manifest.webApplicationInfo?.id).toBe('${{AAD_APP_CLIENT_ID}}');
  });

  it('offers "My 1:1s" as a personal tab, served by the service’s home page', () => {
    expect(manifest.staticTabs?.map((t) => [t.entityId, t.name, t.contentUrl, t.scopes])).toEqual([
      ['my-one-on-ones', 'My 1:1s', '${{PUBLIC_URL}}/home.html', ['personal']],
    ]);
    expect(existsSync(join(REPO_ROOT, 'tab/home.html'))).toBe(true);
  });

  it('offers "Add to 1:1 agenda" on any message, handled by the bot with a dialog it fetches', () => {
    const [extension] = manifest.composeExtensions ?? [];
    expect(extension?.botId).toBe('${{AAD_APP_CLIENT_ID}}');
    expect(extension?.commands?.map((c) => [c.id, c.type, c.context, c.fetchTask])).toEqual([
      ['addToAgenda', 'action', ['message'], true],
    ]);
  });

  it('asks for exactly the resource-specific permissions some code of the app needs', () => {
    const sources = [...sourceFiles('bot/src'), ...sourceFiles('tab/src')].map((file) => readFileSync(file, 'utf8'));
    const used = Object.entries(RSC_USES)
      .filter(([, use]) => sources.some((text) => use.test(text)))
      .map(([permission]) => permission);
    const rsc = manifest.authorization?.permissions?.resourceSpecific ?? [];
    expect(rsc.map((p) => `${p.name}/${p.type}`).sort()).toEqual(used.sort());
    expect(used).toContain('OnlineMeeting.ReadBasic.Chat/Application');
  });

  it('signs the tab in with the Entra app whose App ID URI the service accepts as audience', () => {
    expect(manifest.webApplicationInfo).toEqual({
      id: '${{AAD_APP_CLIENT_ID}}',
      resource: 'api://${{APP_DOMAIN}}/botid-${{AAD_APP_CLIENT_ID}}',
    });
    const entra = JSON.parse(readFileSync(join(REPO_ROOT, 'infra/aad.manifest.json'), 'utf8')) as {
      identifierUris: string[];
      api: {
        oauth2PermissionScopes: { value: string; id: string }[];
        preAuthorizedApplications: { appId: string; delegatedPermissionIds: string[] }[];
      };
    };
    expect(entra.identifierUris).toEqual([manifest.webApplicationInfo!.resource]);
    const scope = entra.api.oauth2PermissionScopes.find((s) => s.value === 'access_as_user');
    expect(scope).toBeDefined();
    // Teams desktop/mobile and Teams web get the token without a consent prompt.
    expect(entra.api.preAuthorizedApplications).toEqual([
      { appId: '1fec8e78-bce4-4aaf-ab1b-5451cc387264', delegatedPermissionIds: [scope!.id] },
      { appId: '5e3ce6c0-2b1f-4285-8d4b-75ee78787346', delegatedPermissionIds: [scope!.id] },
    ]);
  });

  it('lists the service host, and only it, as a valid domain', () => {
    expect(manifest.validDomains).toEqual(['${{APP_DOMAIN}}']);
  });

  it.each(['dev', 'local'])('has every placeholder declared in the env/.env.%s template', (env) => {
    const declared = parseEnvFile(readFileSync(join(REPO_ROOT, `env/.env.${env}`), 'utf8'));
    const undeclared = placeholdersIn(manifestTemplate).filter((name) => !(name in declared));
    expect(undeclared).toEqual([]);
  });
});
