using System.Text.RegularExpressions;

namespace MusicMask.Deployment.Tests;

/// <summary>The functions stay thin adapters whose every trigger and binding names something the Bicep creates.</summary>
public sealed partial class FunctionsTests
{
    // System.Net for the HttpStatusCode of an HTTP trigger's answer.
    private static readonly string[] AllowedNamespaces = ["MusicMask.", "Microsoft.Azure.Functions.Worker", "Microsoft.Extensions.Logging", "Azure.Storage.Blobs", "System.Net"];

    [Fact]
    public void EveryFunctionFileIsUnderSixtyLines()
    {
        Assert.All(Repository.FunctionSources(), file => Assert.True(File.ReadAllLines(file).Length < 60, $"{Path.GetFileName(file)} has 60 lines or more"));
    }

    [Fact]
    public void FunctionClassesUseOnlyCoreTypesAndBindingAttributes()
    {
        var functionFiles = Repository.FunctionSources().Where(f => File.ReadAllText(f).Contains("[Function(", StringComparison.Ordinal)).ToList();
        Assert.True(functionFiles.Count >= 4, "expected Ingest, Score, Aggregate and the dead-letter functions");
        foreach (var file in functionFiles)
        {
            foreach (Match use in UsingPattern().Matches(File.ReadAllText(file)))
            {
                var name = use.Groups["namespace"].Value;
                Assert.True(AllowedNamespaces.Any(a => name.StartsWith(a, StringComparison.Ordinal) || name + "." == a), $"{Path.GetFileName(file)} uses {name}");
            }
        }
    }

    [Fact]
    public void TheThreeStagesAreFunctions()
    {
        var names = Repository.FunctionSources().SelectMany(f => FunctionPattern().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value)).ToHashSet();
        Assert.Superset(new HashSet<string> { "Ingest", "Score", "Aggregate" }, names);
    }

    [Fact]
    public void EveryTriggeredOrOutputQueueExistsInServiceBusBicep()
    {
        var constants = Repository.AppSettingsConstants();
        var bicep = Repository.Read("infra", "app", "servicebus.bicep");
        var declared = QueueResourcePattern().Matches(bicep).Select(m => m.Groups["name"].Value).ToHashSet();
        var referenced = Repository.FunctionSources()
            .SelectMany(f => ServiceBusAttributePattern().Matches(File.ReadAllText(f)))
            .Select(m => string.Concat(m.Groups["queue"].Value.Split('+').Select(t => constants[t.Trim()])))
            .Select(q => q.Replace("/$DeadLetterQueue", "", StringComparison.Ordinal))
            .ToHashSet();
        Assert.Equal(new HashSet<string> { Messaging.QueueNames.Ingest, Messaging.QueueNames.Tiles, Messaging.QueueNames.Aggregation }, referenced);
        Assert.Subset(declared, referenced);
    }

    [Fact]
    public void EveryConnectionHasItsIdentityBasedSettings()
    {
        var constants = Repository.AppSettingsConstants();
        var settings = Repository.Read("infra", "app", "function-app.bicep");
        var connections = Repository.FunctionSources()
            .SelectMany(f => ConnectionPattern().Matches(File.ReadAllText(f)))
            .Select(m => constants[m.Groups["constant"].Value])
            .ToHashSet();
        Assert.Equal(new HashSet<string> { "PipelineStorage", "ServiceBus" }, connections);
        foreach (var suffix in new[] { "blobServiceUri", "queueServiceUri", "credential", "clientId" })
        {
            Assert.Contains($"PipelineStorage__{suffix}:", settings, StringComparison.Ordinal);
            Assert.Contains($"AzureWebJobsStorage__{suffix}:", settings, StringComparison.Ordinal);
        }

        foreach (var suffix in new[] { "fullyQualifiedNamespace", "credential", "clientId" })
        {
            Assert.Contains($"ServiceBus__{suffix}:", settings, StringComparison.Ordinal);
        }

        var program = Repository.Read("functions", "MusicMask.Functions", "Program.cs");
        foreach (Match read in ConfigReadPattern().Matches(program))
        {
            Assert.Contains($"{constants[$"AppSettings.{read.Groups["connection"].Value}"]}__{read.Groups["key"].Value}:", settings, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryTimerHasItsScheduleSetAndIsOffUnlessTheDeploymentTurnsItOn()
    {
        var constants = Repository.AppSettingsConstants();
        var settings = Repository.Read("infra", "app", "function-app.bicep");
        var example = File.ReadAllText(Path.Combine(Repository.FunctionsFolder, "local.settings.json.example"));
        var timers = Repository.FunctionSources().SelectMany(f => TimerPattern().Matches(File.ReadAllText(f))).ToList();
        Assert.NotEmpty(timers);
        foreach (var timer in timers)
        {
            var schedule = constants[timer.Groups["schedule"].Value];
            var disabled = $"AzureWebJobs.{timer.Groups["name"].Value}.Disabled";
            Assert.Contains($"\n      {schedule}: ", settings, StringComparison.Ordinal);
            Assert.Contains($"'{disabled}': empty(", settings, StringComparison.Ordinal);
            Assert.Contains($"\"{schedule}\": ", example, StringComparison.Ordinal);
            Assert.Contains($"\"{disabled}\": \"true\"", example, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void EveryContainerThePipelineWritesExistsInStorageBicep()
    {
        var bicep = Repository.Read("infra", "app", "storage.bicep");
        foreach (var container in new[] { Storage.BlobNames.AudioContainer, Storage.BlobNames.WorkContainer, Storage.BlobNames.ResultsContainer })
        {
            Assert.Contains($"'{container}'", bicep, StringComparison.Ordinal);
        }

        Assert.Contains($"prefixMatch: [ '{Storage.BlobNames.WorkContainer}/' ]", bicep, StringComparison.Ordinal);
        Assert.Contains("allowSharedKeyAccess: false", bicep, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkExpiresWellAfterAMessagesLifeAndAJobsLongestWait()
    {
        // A job's record must still be there when its last message expires or gives up waiting, or the file would
        // end with neither results nor an error record. Neither figure bounds a job's age strictly (a retry is a new
        // message with a life of its own, and time spent queued is not counted as waiting), so the rule keeps twice their sum.
        var expiry = TimeSpan.FromDays(int.Parse(WorkExpiryPattern().Match(Repository.Read("infra", "app", "storage.bicep")).Groups["days"].Value, System.Globalization.CultureInfo.InvariantCulture));
        var timeToLive = System.Xml.XmlConvert.ToTimeSpan(TimeToLivePattern().Match(Repository.Read("infra", "app", "servicebus.bicep")).Groups["duration"].Value);
        var longestWait = new Messaging.DeliveryOptions().MaxWaitTime;

        Assert.True(expiry >= 2 * (timeToLive + longestWait), $"work/ expires after {expiry.TotalDays} days, a job may still be handled after {(timeToLive + longestWait).TotalDays}");
    }

    [GeneratedRegex("""prefixMatch: \[ 'work/' \] \}\s*actions: \{ baseBlob: \{ delete: \{ daysAfterModificationGreaterThan: (?<days>\d+) \}""")]
    private static partial Regex WorkExpiryPattern();

    [GeneratedRegex("""defaultMessageTimeToLive: '(?<duration>P\w+)'""")]
    private static partial Regex TimeToLivePattern();

    [GeneratedRegex("""^using (?<namespace>[\w.]+);""", RegexOptions.Multiline)]
    private static partial Regex UsingPattern();

    [GeneratedRegex("""\[Function\("(?<name>\w+)"\)\]""")]
    private static partial Regex FunctionPattern();

    [GeneratedRegex("""\[Function\("(?<name>\w+)"\)\]\s*public [^(]+\(\s*\[TimerTrigger\("%" \+ (?<schedule>AppSettings\.\w+) \+ "%"\)\]""")]
    private static partial Regex TimerPattern();

    [GeneratedRegex("""ServiceBus(?:Trigger|Output)\((?<queue>[^,)]+)""")]
    private static partial Regex ServiceBusAttributePattern();

    [GeneratedRegex("""Connection = (?<constant>AppSettings\.\w+)""")]
    private static partial Regex ConnectionPattern();

    [GeneratedRegex("""settings\[\$"\{AppSettings\.(?<connection>\w+)\}:(?<key>\w+)"\]""")]
    private static partial Regex ConfigReadPattern();

    [GeneratedRegex("""namespaces/queues@[\w-]+' = \{\s*parent: namespace\s*name: '(?<name>[\w-]+)'""")]
    private static partial Regex QueueResourcePattern();
}
