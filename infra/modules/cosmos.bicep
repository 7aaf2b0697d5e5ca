// Cosmos DB for NoSQL, serverless, reachable only with Entra ID tokens.

param accountName string
param location string
param databaseName string

@description('Principal (object) id that gets the built-in Data Contributor role on the account.')
param dataContributorPrincipalId string

@description('Containers the service opens (bot/src/store/cosmos.ts): those of a 1:1 partitioned by /seriesId, the per-user index of 1:1s by /userId, the due-time index of effects by due day.')
param containers array = [
  {
    name: 'records'
    partitionKey: '/seriesId'
  }
  {
    name: 'privateNotes'
    partitionKey: '/seriesId'
  }
  {
    name: 'prompts'
    partitionKey: '/seriesId'
  }
  {
    name: 'userSeries'
    partitionKey: '/userId'
  }
  {
    name: 'dueEffects'
    partitionKey: '/bucket'
  }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: toLower(accountName)
  location: location
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    capabilities: [
      {
        name: 'EnableServerless'
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    // Keys are off: the service authenticates with its managed identity only.
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: 'Enabled'
  }
}

resource database 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases@2024-05-15' = {
  parent: account
  name: databaseName
  properties: {
    resource: {
      id: databaseName
    }
  }
}

// Created here because data-plane RBAC cannot create containers: the service
// only opens them when it runs with the managed identity.
resource sqlContainers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [
  for container in containers: {
    parent: database
    name: container.name
    properties: {
      resource: {
        id: container.name
        partitionKey: {
          paths: [
            container.partitionKey
          ]
          kind: 'Hash'
          version: 2
        }
      }
    }
  }
]

// Built-in "Cosmos DB Built-in Data Contributor" (data plane: read and write items).
var dataContributorRoleId = '00000000-0000-0000-0000-000000000002'

resource dataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-05-15' = {
  parent: account
  name: guid(account.id, dataContributorPrincipalId, dataContributorRoleId)
  properties: {
    roleDefinitionId: '${account.id}/sqlRoleDefinitions/${dataContributorRoleId}'
    principalId: dataContributorPrincipalId
    scope: account.id
  }
}

output endpoint string = account.properties.documentEndpoint
output accountName string = account.name
