// Compiled into the functions app only by FunctionsBuildTests, in place of the Worker's Service Bus extension package,
// which this machine's NuGet copy does not serve. Same namespace, constructor parameters and property names, so the
// SDK's generator writes the same binding metadata from them.
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Microsoft.Azure.Functions.Worker;

public sealed class ServiceBusTriggerAttribute(string queueName) : TriggerBindingAttribute
{
    public string QueueName { get; } = queueName;

    public string? Connection { get; set; }
}

public sealed class ServiceBusOutputAttribute(string queueOrTopicName) : OutputBindingAttribute
{
    public string QueueOrTopicName { get; } = queueOrTopicName;

    public string? Connection { get; set; }
}
