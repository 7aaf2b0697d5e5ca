import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../scripts/package-app.js';
import { deployManifest, importedPackages } from '../../scripts/stage-deploy.js';

const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as Parameters<typeof deployManifest>[0];

describe('the deployment folder', () => {
  it('installs only the packages the server bundle imports, at the versions the project pins', () => {
    const bundle = [
      'import express from "express";',
      "import { z } from 'zod/v4';",
      'import { CosmosClient } from "@azure/cosmos";',
      'import http from "node:http";',
      'import { join } from "path";',
      'const later = await import("pino");',
    ].join('\n');
    expect(importedPackages(bundle)).toEqual(['@azure/cosmos', 'express', 'pino', 'zod']);
    expect(deployManifest(pkg, [bundle]).dependencies).toEqual({
      '@azure/cosmos': pkg.dependencies!['@azure/cosmos'],
      express: pkg.dependencies!.express,
      pino: pkg.dependencies!.pino,
      zod: pkg.dependencies!.zod,
    });
  });

  it('does not take a query parameter named "@from" for an import', () => {
    const bundle = `const p = [{ name: '@from', value: from }];\nimport express from "express";`;
    expect(importedPackages(bundle)).toEqual(['express']);
  });

  it('refuses a server that imports a package production would not install', () => {
    expect(() => deployManifest(pkg, ['import { chromium } from "playwright-core";'])).toThrow(
      /not dependencies in package\.json: playwright-core/,
    );
  });

  it('has every package the real server imports, and none of the tab-only ones', { timeout: 60_000 }, async () => {
    // Same options as `npm run build:bot`, kept in memory.
    const result = await build({
      entryPoints: [join(REPO_ROOT, 'bot/src/main.ts')],
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      packages: 'external',
      write: false,
      logLevel: 'silent',
    });
    const bundles = result.outputFiles.map((file) => file.text);
    const deployed = Object.keys(deployManifest(pkg, bundles).dependencies ?? {});
    expect(deployed).toEqual(expect.arrayContaining(['@azure/cosmos', 'botbuilder', 'express', 'socket.io']));
    expect(deployed.filter((name) => /^(react|react-dom|@fluentui\/|@microsoft\/teams-js)/.test(name))).toEqual([]);
  });
});
