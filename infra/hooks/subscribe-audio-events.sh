#!/bin/sh
# azd postdeploy: subscribe the Submit function's blob extension webhook to BlobCreated events of the audio container.
# The webhook needs the deployed app's blobs_extension system key, so this runs after deploy, not in Bicep.
set -eu
command -v az >/dev/null 2>&1 || { echo "the Azure CLI (az) is required for the Event Grid subscription" >&2; exit 1; }
key=$(az functionapp keys list -n "$AZURE_FUNCTION_APP_NAME" -g "$AZURE_RESOURCE_GROUP" --query "systemKeys.blobs_extension" -o tsv)
endpoint="https://${AZURE_FUNCTION_APP_NAME}.azurewebsites.net/runtime/webhooks/blobs?functionName=Host.Functions.Submit&code=${key}"
az eventgrid system-topic event-subscription create \
  --name audio-blob-created \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --system-topic-name "$AZURE_AUDIO_SYSTEM_TOPIC_NAME" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/${AZURE_AUDIO_CONTAINER_NAME}/" \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --output none
echo "Event Grid: BlobCreated in ${AZURE_AUDIO_CONTAINER_NAME} now triggers Submit on ${AZURE_FUNCTION_APP_NAME}"
