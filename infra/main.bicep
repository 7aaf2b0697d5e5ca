// 1:1 Companion on Azure: one Node service on App Service (tab, REST API,
// Socket.IO, bot endpoint), an Azure Bot with the Teams channel, Cosmos DB
// (serverless, Entra-only) and, for more than one instance, Redis.
// Deployed by `atk provision` (arm/deploy in teamsapp.yml); outputs named in UPPER_SNAKE
// are written back to env/.env.<env> by the Toolkit.

targetScope = 'resourceGroup'

@description('Prefix of every resource name; the default is unique per resource group.')
@minLength(4)
@maxLength(24)
param resourceBaseName string = 'o1o${uniqueString(resourceGroup().id)}'

@description('Region of the App Service, Cosmos DB and Redis (the bot itself is global).')
param location string = resourceGroup().location

@description('App Service plan SKU. B1 is enough for a few hundred 1:1s; use P0v3 or above for zone redundancy.')
param webAppSku string = 'B1'

@description('Client id of the Entra app that is both the bot and the sign-in app of the tab (AAD_APP_CLIENT_ID).')
param aadAppClientId string

@description('Client secret of that Entra app, used by the bot to call Teams (SECRET_AAD_APP_CLIENT_SECRET).')
@secure()
param botAppPassword string

@description('Tenant the Entra app, the bot and the people using the app belong to.')
param aadAppTenantId string = tenant().tenantId

@description('Name shown for the bot in Teams.')
@maxLength(42)
param botDisplayName string = '1:1 Companion'

@description('Custom host name already bound to the web app (e.g. one-on-one.contoso.com); empty uses <name>.azurewebsites.net.')
param publicHostName string = ''

@description('Cosmos DB database name (the service reads it from COSMOS_DATABASE).')
param cosmosDatabaseName string = 'one-on-one'

@description('Run two instances and connect their Socket.IO servers through Azure Cache for Redis.')
param enableScaleOut bool = false

@description('Teams app id (teamsApp/create writes TEAMS_APP_ID): cards deep-link to the panel with it.')
param teamsAppId string = ''

@description('Hours before each 1:1 the bot posts its pre-meeting prompt.')
@minValue(0)
@maxValue(336)
param promptLeadHours int = 24

// Optional AI narrative on the summary card: Azure OpenAI, or OpenAI. Empty
// values leave it off. Keys end up as App Service settings (encrypted at rest).
param azureOpenAiEndpoint string = ''
param azureOpenAiDeployment string = ''
@secure()
param azureOpenAiApiKey string = ''
@secure()
param openAiApiKey string = ''
@description('OpenAI-compatible endpoint; empty means api.openai.com.')
param openAiBaseUrl string = ''
param openAiModel string = 'gpt-4o-mini'

// The service's identity in Azure: Cosmos DB accepts only Entra tokens, and
// this identity is the one allowed to read and write its data.
resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  kind: 'linux'
  sku: {
    name: webAppSku
    capacity: enableScaleOut ? 2 : 1
  }
  properties: {
    reserved: true // Linux
  }
}

resource webApp 'Microsoft.Web/sites@2023-12-01' = {
  name: '${resourceBaseName}-app'
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Socket.IO's long-polling handshake must reach the instance that holds the session.
    clientAffinityEnabled: true
    siteConfig: {
      linuxFxVersion: 'NODE|22-lts'
      appCommandLine: 'node dist/server.mjs'
      alwaysOn: true // the scheduler posts pre-meeting prompts; an idle-unloaded app would miss them
      webSocketsEnabled: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
  }
}

var appHostName = empty(publicHostName) ? webApp.properties.defaultHostName : publicHostName
var publicUrl = 'https://${appHostName}'

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  params: {
    accountName: '${resourceBaseName}-cosmos'
    location: location
    databaseName: cosmosDatabaseName
    dataContributorPrincipalId: identity.properties.principalId
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    botName: '${resourceBaseName}-bot'
    displayName: botDisplayName
    messagingEndpoint: '${publicUrl}/api/messages'
    appId: aadAppClientId
    tenantId: aadAppTenantId
  }
}

resource redis 'Microsoft.Cache/redis@2024-03-01' = if (enableScaleOut) {
  name: '${resourceBaseName}-redis'
  location: location
  properties: {
    sku: {
      name: 'Basic'
      family: 'C'
      capacity: 0
    }
    enableNonSslPort: false
    minimumTlsVersion: '1.2'
  }
}

// Every variable bot/src/config.ts reads in production; tests/packaging/bicep.test.ts
// fails when the service reads one that is missing here.
resource appSettings 'Microsoft.Web/sites/config@2023-12-01' = {
  parent: webApp
  name: 'appsettings'
  properties: {
    NODE_ENV: 'production'
    PUBLIC_URL: publicUrl
    COSMOS_ENDPOINT: cosmos.outputs.endpoint
    COSMOS_DATABASE: cosmosDatabaseName
    AZURE_CLIENT_ID: identity.properties.clientId
    AAD_APP_CLIENT_ID: aadAppClientId
    AAD_APP_ID_URI: 'api://${appHostName}/botid-${aadAppClientId}'
    AUTH_ALLOWED_TENANTS: aadAppTenantId
    MicrosoftAppId: aadAppClientId
    MicrosoftAppPassword: botAppPassword
    MicrosoftAppType: 'SingleTenant'
    MicrosoftAppTenantId: aadAppTenantId
    TEAMS_APP_ID: teamsAppId
    PROMPT_LEAD_HOURS: string(promptLeadHours)
    AZURE_OPENAI_ENDPOINT: azureOpenAiEndpoint
    AZURE_OPENAI_DEPLOYMENT: azureOpenAiDeployment
    AZURE_OPENAI_API_KEY: azureOpenAiApiKey
    OPENAI_API_KEY: openAiApiKey
    OPENAI_BASE_URL: openAiBaseUrl
    OPENAI_MODEL: openAiModel
    // ARM evaluates only the branch taken, so listKeys never runs without Redis.
    REDIS_URL: enableScaleOut ? 'rediss://:${redis.listKeys().primaryKey}@${redis.properties.hostName}:6380' : ''
    // The package is built and its production dependencies installed before zip deploy.
    SCM_DO_BUILD_DURING_DEPLOYMENT: 'false'
  }
}

output AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output APP_DOMAIN string = appHostName
output PUBLIC_URL string = publicUrl
output AZURE_BOT_NAME string = bot.outputs.name
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output COSMOS_ENDPOINT string = cosmos.outputs.endpoint
