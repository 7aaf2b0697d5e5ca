// Cosmos DB for NoSQL, serverless, reachable only with Entra ID tokens.

param accountName string
param location string
param databaseName string

@description('Principal (object) id that gets the built-in Data Contributor role on the account.')
param dataContributorPrincipalId string

@description('Containers the service opens; all are partitioned by /seriesId (one 1:1 relationship).')
param containerNames array = [
  'records'
  'privateNotes'
  'prompts'
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
resource containers 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers@2024-05-15' = [
  for name in containerNames: {
    parent: database
    name: name
    properties: {
      resource: {
        id: name
        partitionKey: {
          paths: [
            '/seriesId'
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
