# azd postdeploy: subscribe the Submit function's blob extension webhook to BlobCreated events of the audio container.
$ErrorActionPreference = 'Stop'
if (-not (Get-Command az -ErrorAction SilentlyContinue)) { throw 'the Azure CLI (az) is required for the Event Grid subscription' }
$key = az functionapp keys list -n $env:AZURE_FUNCTION_APP_NAME -g $env:AZURE_RESOURCE_GROUP --query 'systemKeys.blobs_extension' -o tsv
$endpoint = "https://$($env:AZURE_FUNCTION_APP_NAME).azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.Submit&code=$key"
az eventgrid system-topic event-subscription create `
  --name audio-blob-created `
  --resource-group $env:AZURE_RESOURCE_GROUP `
  --system-topic-name $env:AZURE_AUDIO_SYSTEM_TOPIC_NAME `
  --endpoint-type webhook `
  --endpoint $endpoint `
  --included-event-types Microsoft.Storage.BlobCreated `
  --subject-begins-with "/blobServices/default/containers/$($env:AZURE_AUDIO_CONTAINER_NAME)/" `
  --max-delivery-attempts 30 `
  --event-ttl 1440 `
  --output none
if ($LASTEXITCODE -ne 0) { throw 'creating the Event Grid subscription failed' }
Write-Host "Event Grid: BlobCreated in $($env:AZURE_AUDIO_CONTAINER_NAME) now triggers Submit on $($env:AZURE_FUNCTION_APP_NAME)"
