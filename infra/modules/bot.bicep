// Azure Bot registered to the service's user-assigned managed identity
// (no app password), with the Microsoft Teams channel. Multi-tenant bot
// registrations can no longer be created, hence UserAssignedMSI.

param botName string

@maxLength(42)
param displayName string

@description('https://<host>/api/messages of the web app.')
param messagingEndpoint string

param identityResourceId string
param identityClientId string
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
    msaAppId: identityClientId
    msaAppType: 'UserAssignedMSI'
    msaAppMSIResourceId: identityResourceId
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
