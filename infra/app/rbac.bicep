param storageAccountName string
param serviceBusNamespaceName string
param applicationInsightsName string
param identityPrincipalId string
@description('Deploying user; empty to grant nothing to a user.')
param userPrincipalId string = ''

// Built-in role definition ids.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var serviceBusDataOwner = '090c5cfd-751d-490a-894a-3ce6f1109419'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

var storageRoles = [ storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor ]
var principals = empty(userPrincipalId)
  ? [ { id: identityPrincipalId, type: 'ServicePrincipal' } ]
  : [ { id: identityPrincipalId, type: 'ServicePrincipal' }, { id: userPrincipalId, type: 'User' } ]

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' existing = {
  name: serviceBusNamespaceName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource storageAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for pair in flatten(map(principals, p => map(storageRoles, r => { principal: p, role: r }))): {
  name: guid(storage.id, pair.principal.id, pair.role)
  scope: storage
  properties: {
    principalId: pair.principal.id
    principalType: pair.principal.type
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', pair.role)
  }
}]

resource serviceBusAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principal in principals: {
  name: guid(serviceBus.id, principal.id, serviceBusDataOwner)
  scope: serviceBus
  properties: {
    principalId: principal.id
    principalType: principal.type
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', serviceBusDataOwner)
  }
}]

resource metricsAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for principal in principals: {
  name: guid(insights.id, principal.id, monitoringMetricsPublisher)
  scope: insights
  properties: {
    principalId: principal.id
    principalType: principal.type
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}]
