targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names and tags every resource.')
param environmentName string

@minLength(1)
@description('Region for every resource (one that offers Flex Consumption).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Object id of the deploying user, granted data access to inspect blobs and queues. Empty to skip.')
param principalId string = ''

@description('Maximum Flex Consumption instances the scorer may scale out to.')
param maximumInstanceCount int = 40

@description('NCRONTAB schedule on which the app rewrites results/report.html, e.g. 0 0 3 * * * (03:00 UTC daily); empty for none.')
param reportSchedule string = ''

@description('true: results also hold music.wav and remainder.wav, as segment --audio writes them; anything else: not.')
param audioOutputs string = ''

@description('How long a stitch claim protects its aggregator, e.g. 01:00:00; empty: 5 minutes, or 30 with audio outputs on.')
param stitchClaimTimeout string = ''

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-musicmask-${resourceToken}'
var deploymentContainerName = 'app-package-${take(resourceToken, 7)}'

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-musicmask-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: 'stmm${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: deploymentContainerName
  }
}

module serviceBus 'app/servicebus.bicep' = {
  name: 'servicebus'
  scope: rg
  params: {
    name: 'sb-musicmask-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-musicmask-${resourceToken}'
    applicationInsightsName: 'appi-musicmask-${resourceToken}'
    location: location
    tags: tags
  }
}

module functionApp 'app/function-app.bicep' = {
  name: 'function-app'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-musicmask-${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'pipeline' })
    identityId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerName: deploymentContainerName
    serviceBusNamespaceName: serviceBus.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    maximumInstanceCount: maximumInstanceCount
    reportSchedule: reportSchedule
    audioOutputs: audioOutputs
    stitchClaimTimeout: stitchClaimTimeout
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
  }
}

module audioEvents 'app/events.bicep' = {
  name: 'audio-events'
  scope: rg
  params: {
    name: 'evgt-audio-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_SERVICEBUS_NAMESPACE string = serviceBus.outputs.name
output AZURE_AUDIO_CONTAINER_NAME string = storage.outputs.audioContainerName
output AZURE_AUDIO_SYSTEM_TOPIC_NAME string = audioEvents.outputs.name
