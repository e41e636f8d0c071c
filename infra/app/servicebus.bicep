param name string
param location string
param tags object

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Standard', tier: 'Standard' }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
  }
}

// Retries, waits and poison are the core's rules (DeliveryPolicy): a handler's "retry later" or fault becomes a
// scheduled copy of the message and the original completes, so maxDeliveryCount counts only deliveries nobody
// answered (a crashed worker, a lost lock, a failed schedule) and is the backstop behind the core's budget.
// Messages carry deterministic ids (StageMessageIds), so duplicate detection drops a message sent twice.
var queueSettings = {
  lockDuration: 'PT5M'
  maxDeliveryCount: 10
  requiresDuplicateDetection: true
  duplicateDetectionHistoryTimeWindow: 'PT1H'
  deadLetteringOnMessageExpiration: true
  defaultMessageTimeToLive: 'P7D'
}

resource ingestRequests 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = {
  parent: namespace
  name: 'ingest-requests'
  properties: union(queueSettings, { maxSizeInMegabytes: 1024 })
}

resource tileQueue 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = {
  parent: namespace
  name: 'tiles'
  properties: union(queueSettings, { maxSizeInMegabytes: 5120 })
}

resource aggregation 'Microsoft.ServiceBus/namespaces/queues@2022-10-01-preview' = {
  parent: namespace
  name: 'aggregation'
  properties: union(queueSettings, { maxSizeInMegabytes: 1024 })
}

output name string = namespace.name
output resourceId string = namespace.id
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
