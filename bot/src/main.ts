import { ConfigError, loadConfig } from './config.js';
import { localDataOptionsFromArgs, prepareLocalData } from './localData.js';

/** `--dev` turns on the local meeting page (same as DEV_MODE=true). */
if (process.argv.includes('--dev') && process.env.DEV_MODE === undefined) process.env.DEV_MODE = 'true';

async function main(): Promise<void> {
  const config = loadConfig();
  // Imported after the configuration is checked, so a bad environment fails at once.
  const { createService } = await import('./service.js');
  // Local data only where it is ours to keep: the embedded store (Azure Cosmos DB keeps its own).
  const localDataDir = config.COSMOS_ENDPOINT ? undefined : prepareLocalData(localDataOptionsFromArgs(process.argv));
  const service = await createService(config, localDataDir ? { localDataDir } : {});
  const url = await service.listen();
  const lines = [
    `1:1 Companion is running at ${url}`,
    `  storage: ${service.cosmos.description}`,
    ...(localDataDir ? [`  local data: ${localDataDir} (git-ignored; start with --fresh to begin empty)`] : []),
    config.DEV_MODE
      ? `  dev mode: open ${url}/ for the local meeting page (two dev identities side by side)`
      : '  sign-in: Microsoft Entra ID tokens from Teams',
    `  bot endpoint: ${url}/api/messages`,
  ];
  service.logger.info({ url, storage: service.cosmos.description, devMode: config.DEV_MODE }, 'started');
  process.stdout.write(`\n${lines.join('\n')}\n\n`);

  const stop = (signal: string) => {
    service.logger.info({ signal }, 'stopping');
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
