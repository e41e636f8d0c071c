using System.Text.Json;
using MusicMask.Messaging;
using MusicMask.Storage;

namespace MusicMask.Deployment.Tests;

/// <summary>
/// functions/ built by the real Functions worker SDK and the real binding extensions; the SDK's GenerateFunctionMetadata
/// task writes functions.metadata, the file the Functions host binds triggers from. The copy differs from what azd builds in two
/// places only: Extensions.ServiceBus is the 5.7.0 this machine's package copy serves (the project deploys a newer
/// one), and the SDK's inner build of its host-extension project is skipped (NoHostExtensions.targets), because it
/// restores WebJobs packages from nuget.org; that step makes no metadata.
/// </summary>
public sealed class FunctionsBuildTests : IDisposable
{
    private const string ServiceBusExtension = "Microsoft.Azure.Functions.Worker.Extensions.ServiceBus";
    private const string ServedServiceBusExtensionVersion = "5.7.0";
    private readonly string _copy = Directory.CreateTempSubdirectory("musicmask-functions-").FullName;

    [Fact]
    public async Task TheFunctionsAppBuildsWithTheRealExtensionsAndItsGeneratedBindingsNameTheQueuesAndContainerOfTheCore()
    {
        var project = CopyBuildInputs();
        // NU1603: the package copy serves a slightly newer version of some transitive dependencies than they ask for.
        var build = await ExternalTool.RunAsync(
            "dotnet",
            ["build", project, "-c", "Release", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:WarningsNotAsErrors=NU1603"],
            _copy,
            new Dictionary<string, string?> { ["MSBuildExtensionsPath"] = null, ["MSBuildSDKsPath"] = null, ["MSBUILD_EXE_PATH"] = null });
        Assert.True(build.ExitCode == 0, build.ToString());

        var metadata = Path.Combine(Path.GetDirectoryName(project)!, "obj", "Release", "net10.0", "functions.metadata");
        Assert.Equal(
            new[]
            {
                $"Aggregate In serviceBusTrigger {QueueNames.Aggregation} via ServiceBus, String, one at a time",
                $"AggregateDeadLetters In serviceBusTrigger {QueueNames.Aggregation}/$DeadLetterQueue via ServiceBus, String, one at a time",
                $"Ingest In serviceBusTrigger {QueueNames.Ingest} via ServiceBus, String, one at a time",
                $"IngestDeadLetters In serviceBusTrigger {QueueNames.Ingest}/$DeadLetterQueue via ServiceBus, String, one at a time",
                "PublishReport In httpTrigger POST /api/report with a Function key",
                "PublishReport Out http as $return",
                "ScheduledReport In timerTrigger on %ReportSchedule%",
                $"Score In serviceBusTrigger {QueueNames.Tiles} via ServiceBus, String, one at a time",
                $"ScoreDeadLetters In serviceBusTrigger {QueueNames.Tiles}/$DeadLetterQueue via ServiceBus, String, one at a time",
                $"Submit In blobTrigger {BlobNames.AudioContainer}/{{name}} via PipelineStorage from EventGrid, deferred (the blob is not read)",
            },
            Bindings(metadata).Order(StringComparer.Ordinal));
    }

    public void Dispose() => Directory.Delete(_copy, recursive: true);

    private static IEnumerable<string> Bindings(string metadataFile)
    {
        using var metadata = JsonDocument.Parse(File.ReadAllText(metadataFile));
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                yield return Describe(function.GetProperty("name").GetString()!, binding);
            }
        }
    }

    private static string Describe(string function, JsonElement binding)
    {
        string? Text(string property) => binding.TryGetProperty(property, out var value) ? value.GetString() : null;
        var head = $"{function} {Text("direction")} {Text("type")}";
        switch (Text("type"))
        {
            case "httpTrigger":
                var methods = binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant());
                return $"{head} {string.Join(',', methods)} /api/{Text("route")} with a {Text("authLevel")} key";
            case "http":
                return $"{head} as {Text("name")}";
            case "timerTrigger":
                return $"{head} on {Text("schedule")}";
        }

        var target = new[] { "queueName", "queueOrTopicName", "path" }.Select(Text).Single(v => v is not null);
        var source = Text("source") is { } s ? $" from {s}" : "";
        var shape = Text("cardinality") switch
        {
            "One" => $", {Text("dataType")}, one at a time",
            { } cardinality => $", {Text("dataType")}, {cardinality}",
            null => binding.GetProperty("properties").TryGetProperty("supportsDeferredBinding", out var deferred) && deferred.GetString() == "True"
                ? ", deferred (the blob is not read)"
                : ", read on binding",
        };
        return $"{head} {target} via {Text("connection")}{source}{shape}";
    }

    /// <summary>Copies what the functions project builds from, pins the served Service Bus extension and returns the project path.</summary>
    private string CopyBuildInputs()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "host.json", Path.Combine("models", "musicmask-v1.onnx") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_copy, file))!);
            File.Copy(Path.Combine(Repository.Root, file), Path.Combine(_copy, file));
        }

        File.Copy(Path.Combine(AppContext.BaseDirectory, "NoHostExtensions.targets"), Path.Combine(_copy, "Directory.Build.targets"));
        CopySources(Path.Combine("shared", "MusicMask.Core"));
        CopySources(Path.Combine("shared", "MusicMask.Azure"));
        CopySources(Path.Combine("functions", "MusicMask.Functions"));
        var project = Path.Combine(_copy, "functions", "MusicMask.Functions", "MusicMask.Functions.csproj");
        var text = File.ReadAllText(project);
        var reference = System.Text.RegularExpressions.Regex.Match(text, $"""<PackageReference Include="{ServiceBusExtension}" Version="(?<version>[^"]+)" />""");
        Assert.True(reference.Success, $"{ServiceBusExtension} is not referenced");
        File.WriteAllText(project, text.Replace(reference.Value, reference.Value.Replace(reference.Groups["version"].Value, ServedServiceBusExtensionVersion, StringComparison.Ordinal), StringComparison.Ordinal));
        return project;
    }

    private void CopySources(string folder)
    {
        var from = Path.Combine(Repository.Root, folder);
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            var top = relative.Split(Path.DirectorySeparatorChar)[0];
            if (top is "bin" or "obj" || relative == "local.settings.json")
            {
                continue;
            }

            var to = Path.Combine(_copy, folder, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }
}
