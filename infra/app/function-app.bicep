param name string
param planName string
param location string
param tags object
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerName string
param serviceBusNamespaceName string
param applicationInsightsName string
param maximumInstanceCount int
@allowed([ 2048, 4096 ])
param instanceMemoryMB int = 2048
@description('NCRONTAB schedule of the ScheduledReport timer, which writes results/report.html; empty leaves it off.')
param reportSchedule string = ''
@description('true: results also hold music.wav and remainder.wav (the music the mask keeps, and the rest), as `segment --audio` writes them.')
param audioOutputs string = ''
@description('How long a stitch claim protects its aggregator, as a TimeSpan (00:30:00); empty: 5 minutes, or 30 with audio outputs on.')
param stitchClaimTimeout string = ''

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource insights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: { name: 'dotnet-isolated', version: '10.0' }
    }
  }

  resource settings 'config' = {
    name: 'appsettings'
    properties: {
      AzureWebJobsStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      AzureWebJobsStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      AzureWebJobsStorage__tableServiceUri: storage.properties.primaryEndpoints.table
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      PipelineStorage__blobServiceUri: storage.properties.primaryEndpoints.blob
      PipelineStorage__queueServiceUri: storage.properties.primaryEndpoints.queue
      PipelineStorage__credential: 'managedidentity'
      PipelineStorage__clientId: identityClientId
      ServiceBus__fullyQualifiedNamespace: '${serviceBusNamespaceName}.servicebus.windows.net'
      ServiceBus__credential: 'managedidentity'
      ServiceBus__clientId: identityClientId
      APPLICATIONINSIGHTS_CONNECTION_STRING: insights.properties.ConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // The timer's schedule must resolve even while the timer is disabled.
      ReportSchedule: empty(reportSchedule) ? '0 0 3 * * *' : reportSchedule
      'AzureWebJobs.ScheduledReport.Disabled': empty(reportSchedule) ? 'true' : 'false'
      AudioOutputs: toLower(audioOutputs) == 'true' ? 'true' : 'false'
      StitchClaimTimeout: !empty(stitchClaimTimeout) ? stitchClaimTimeout : (toLower(audioOutputs) == 'true' ? '00:30:00' : '00:05:00')
    }
  }
}

output name string = site.name
output defaultHostName string = site.properties.defaultHostName
