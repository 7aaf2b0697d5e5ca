// Azure Bot, single tenant, with the Microsoft Teams channel. Its app id is
// the same Entra app the tab signs in with: Teams grants the manifest's
// resource-specific permissions (meeting events, meeting details) to the app
// in webApplicationInfo, so the bot must be that app. New multi-tenant bot
// registrations are no longer allowed.

param botName string

@maxLength(42)
param displayName string

@description('https://<host>/api/messages of the web app.')
param messagingEndpoint string

@description('Client id of the single-tenant Entra app the bot runs as.')
param appId string
param tenantId string

@description('F0 is enough: Microsoft Teams is a standard channel, free on both SKUs.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

resource botService 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: botService
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = botService.name
