using System.Text.Json;
using MusicMask.Messaging;
using MusicMask.Storage;

namespace MusicMask.Deployment.Tests;

/// <summary>
/// functions/ built by the real Functions worker SDK, whose generator writes functions.metadata, the file the Functions
/// host binds triggers from. Only the Service Bus extension package is stood in (StandIns/), as this machine's NuGet
/// copy lacks it; everything else (Program.cs against the real builder, the blob trigger, the core) compiles as azd builds it.
/// </summary>
public sealed class FunctionsBuildTests : IDisposable
{
    private const string ServiceBusExtension = "Microsoft.Azure.Functions.Worker.Extensions.ServiceBus";
    private readonly string _copy = Directory.CreateTempSubdirectory("musicmask-functions-").FullName;

    [Fact]
    public async Task TheFunctionsAppBuildsAndItsGeneratedBindingsNameTheQueuesAndContainerOfTheCore()
    {
        var project = CopyBuildInputs();
        // NU1603: the package copy serves a slightly newer version of some transitive dependencies than they ask for.
        var build = await ExternalTool.RunAsync(
            "dotnet",
            ["build", project, "-c", "Release", "--nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-p:WarningsNotAsErrors=NU1603"],
            _copy,
            new Dictionary<string, string?> { ["MSBuildExtensionsPath"] = null, ["MSBuildSDKsPath"] = null, ["MSBUILD_EXE_PATH"] = null });
        Assert.True(build.ExitCode == 0, build.ToString());

        var metadata = Path.Combine(Path.GetDirectoryName(project)!, "bin", "Release", "net10.0", "functions.metadata");
        Assert.Equal(
            new[]
            {
                $"Aggregate In serviceBusTrigger {QueueNames.Aggregation} via ServiceBus",
                $"AggregateDeadLetters In serviceBusTrigger {QueueNames.Aggregation}/$DeadLetterQueue via ServiceBus",
                $"Ingest In serviceBusTrigger {QueueNames.Ingest} via ServiceBus",
                $"IngestDeadLetters In serviceBusTrigger {QueueNames.Ingest}/$DeadLetterQueue via ServiceBus",
                $"Score In serviceBusTrigger {QueueNames.PatchBatches} via ServiceBus",
                $"ScoreDeadLetters In serviceBusTrigger {QueueNames.PatchBatches}/$DeadLetterQueue via ServiceBus",
                $"Submit In blobTrigger {BlobNames.AudioContainer}/{{name}} via PipelineStorage from EventGrid",
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
                var target = new[] { "queueName", "queueOrTopicName", "path" }.Select(p => binding.TryGetProperty(p, out var v) ? v.GetString() : null).Single(v => v is not null);
                var source = binding.TryGetProperty("source", out var s) ? $" from {s.GetString()}" : "";
                yield return $"{function.GetProperty("name").GetString()} {binding.GetProperty("direction").GetString()} {binding.GetProperty("type").GetString()} {target} via {binding.GetProperty("connection").GetString()}{source}";
            }
        }
    }

    /// <summary>Copies what the functions project builds from, swaps the Service Bus package for the stand-in and returns the project path.</summary>
    private string CopyBuildInputs()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "host.json", Path.Combine("models", "musicmask-v1.onnx") })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_copy, file))!);
            File.Copy(Path.Combine(Repository.Root, file), Path.Combine(_copy, file));
        }

        CopySources(Path.Combine("shared", "MusicMask.Core"));
        CopySources(Path.Combine("functions", "MusicMask.Functions"));
        var folder = Path.Combine(_copy, "functions", "MusicMask.Functions");
        var project = Path.Combine(folder, "MusicMask.Functions.csproj");
        var lines = File.ReadAllLines(project);
        bool IsServiceBusReference(string line) => line.Contains($"\"{ServiceBusExtension}\"", StringComparison.Ordinal);
        Assert.Single(lines, IsServiceBusReference);
        File.WriteAllLines(project, lines.Where(line => !IsServiceBusReference(line)));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "StandIns", "ServiceBusBindingAttributes.cs"), Path.Combine(folder, "ServiceBusBindingAttributes.cs"));
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
