import { z } from 'zod/v4';

/**
 * Every environment variable the service reads, validated once at start-up.
 * A wrong or missing value stops the process with a readable list; nothing
 * else in the service reads `process.env`. Each one is documented in README.md.
 */
const flag = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    /** Interface to listen on. Unset: 127.0.0.1 in dev mode (its /api/dev/session hands out tokens), every interface otherwise. */
    HOST: optionalString,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Local meeting page with dev identities. Refused together with NODE_ENV=production. */
    DEV_MODE: flag,
    /** Public base URL of the service, e.g. https://app.contoso.com (links in cards, CSP). */
    PUBLIC_URL: optionalString,

    // Storage
    COSMOS_ENDPOINT: optionalString,
    COSMOS_KEY: optionalString,
    COSMOS_DATABASE: z.string().min(1).default('one-on-one'),
    /** Client id of the user-assigned managed identity used for Cosmos DB when no key is set. */
    AZURE_CLIENT_ID: optionalString,
    /**
     * How long one Cosmos request may take before it is abandoned (the SDK's
     * `connectionPolicy.requestTimeout`; its default of 60 s would hold a panel's request that long).
     * Default: 3 s with COSMOS_ENDPOINT; 20 s with the embedded server (see storageTimeouts).
     */
    COSMOS_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).optional(),
    /**
     * The longest an API request waits for storage before it answers 503 with Retry-After
     * (a request makes a few Cosmos calls, each bounded by COSMOS_REQUEST_TIMEOUT_MS).
     * Default: 8 s with COSMOS_ENDPOINT; 30 s with the embedded server.
     */
    REQUEST_DEADLINE_MS: z.coerce.number().int().min(200).max(120_000).optional(),

    // Tab SSO (Entra ID tokens from authentication.getAuthToken())
    AAD_APP_CLIENT_ID: optionalString,
    AAD_APP_ID_URI: optionalString,
    /** Comma-separated tenant ids allowed to use the app; empty means any tenant. */
    AUTH_ALLOWED_TENANTS: optionalString,
    AUTH_JWKS_URL: z.url().default('https://login.microsoftonline.com/common/discovery/v2.0/keys'),
    /** Requests per minute per signed-in user (and per address for failed sign-ins) before 429. */
    RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
    /** redis://host:port of the Redis shared by several instances (Socket.IO Redis adapter); unset: one instance. */
    REDIS_URL: optionalString,

    // Bot Framework (names as botbuilder's ConfigurationBotFrameworkAuthentication reads them)
    MicrosoftAppId: optionalString,
    MicrosoftAppPassword: optionalString,
    MicrosoftAppType: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).optional(),
    MicrosoftAppTenantId: optionalString,
    /**
     * Comma-separated hosts (or host:port) the bot may send to, replacing the default list of
     * Microsoft's Teams service URL hosts (DEV_MODE adds loopback to the default).
     */
    BOT_SERVICE_URL_HOSTS: optionalString,
    /** Teams app id from the manifest: cards link to the 1:1 panel with a Teams deep link when set. */
    TEAMS_APP_ID: optionalString,

    // Bot scheduler: the pre-meeting prompt is posted this long before each 1:1.
    PROMPT_LEAD_HOURS: z.coerce.number().min(0).max(336).default(24),
    SCHEDULER_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    // A Teams start (or Start in the panel) this soon after an end is the dropped call rejoined: the same 1:1.
    REJOIN_WINDOW_MINUTES: z.coerce.number().int().min(0).max(720).default(30),

    // Optional AI narrative on the summary card (OpenAI or Azure OpenAI; without either the card has none).
    OPENAI_API_KEY: optionalString,
    /** An OpenAI-compatible endpoint, e.g. http://127.0.0.1:8080/v1; default api.openai.com. */
    OPENAI_BASE_URL: optionalString,
    OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
    AZURE_OPENAI_ENDPOINT: optionalString,
    AZURE_OPENAI_API_KEY: optionalString,
    AZURE_OPENAI_DEPLOYMENT: optionalString,
  })
  .superRefine((env, ctx) => {
    if (env.DEV_MODE && env.NODE_ENV === 'production') {
      ctx.addIssue({
        code: 'custom',
        path: ['DEV_MODE'],
        message: 'dev identities cannot be enabled when NODE_ENV=production; unset DEV_MODE',
      });
    }
    if (env.NODE_ENV === 'production' && !env.AAD_APP_CLIENT_ID) {
      ctx.addIssue({ code: 'custom', path: ['AAD_APP_CLIENT_ID'], message: 'required in production (tab sign-in)' });
    }
    if (env.NODE_ENV === 'production') refuseUnsignedBot(env, ctx);
  });

export type Config = z.infer<typeof EnvSchema>;

/**
 * Without its identity the Bot Framework endpoint would take unsigned
 * activities from anyone: production refuses to start instead.
 */
function refuseUnsignedBot(
  env: Pick<Config, 'MicrosoftAppId' | 'MicrosoftAppPassword' | 'MicrosoftAppType' | 'MicrosoftAppTenantId'>,
  ctx: z.RefinementCtx,
): void {
  const missing = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (!env.MicrosoftAppId) {
    missing('MicrosoftAppId', 'required in production: without it /api/messages would accept unsigned activities');
    return;
  }
  if (!env.MicrosoftAppType)
    missing('MicrosoftAppType', 'required in production: SingleTenant, MultiTenant or UserAssignedMSI');
  if (env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword)
    missing('MicrosoftAppPassword', 'required in production for a bot that signs in with a client secret');
  if (
    (env.MicrosoftAppType === 'SingleTenant' || env.MicrosoftAppType === 'UserAssignedMSI') &&
    !env.MicrosoftAppTenantId
  )
    missing('MicrosoftAppTenantId', `required in production for a ${env.MicrosoftAppType} bot`);
}

/** Every variable the service reads; the infra tests check that the Azure template sets them. */
export const ENV_KEYS = Object.keys(EnvSchema.shape) as (keyof Config)[];

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
