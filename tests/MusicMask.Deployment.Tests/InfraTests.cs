using System.Text.Json;
using System.Text.RegularExpressions;

namespace MusicMask.Deployment.Tests;

/// <summary>azure.yaml, host.json, the settings example and the Bicep modules agree with each other and with the code.</summary>
public sealed partial class InfraTests
{
    [Fact]
    public void AzureYamlDeploysTheFunctionsProjectAsServicePipelineWithEventGridHooks()
    {
        var yaml = Repository.Read("azure.yaml");
        Assert.Matches(new Regex(@"^services:\s*\n  pipeline:\s*\n    project: \./functions/MusicMask\.Functions\s*\n    language: dotnet\s*\n    host: function\s*$", RegexOptions.Multiline), yaml);
        Assert.True(File.Exists(Path.Combine(Repository.FunctionsFolder, "MusicMask.Functions.csproj")));
        foreach (Match hook in HookRunPattern().Matches(yaml))
        {
            var script = Path.Combine(Repository.Root, hook.Groups["path"].Value);
            Assert.True(File.Exists(script), $"hook script {hook.Groups["path"].Value} is missing");
        }

        Assert.Equal(2, HookRunPattern().Matches(yaml).Count);
        Assert.Contains("posix:", yaml, StringComparison.Ordinal);
        Assert.Contains("windows:", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void HookScriptsUseOnlyVariablesMainBicepOutputs()
    {
        var outputs = OutputPattern().Matches(Repository.Read("infra", "main.bicep")).Select(m => m.Groups["name"].Value).ToHashSet();
        foreach (var script in new[] { "subscribe-audio-events.sh", "subscribe-audio-events.ps1" })
        {
            var text = Repository.Read("infra", "hooks", script);
            var used = AzureVariablePattern().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet();
            Assert.NotEmpty(used);
            Assert.Subset(outputs, used);
            Assert.Contains("Microsoft.Storage.BlobCreated", text, StringComparison.Ordinal);
            Assert.Contains("functionName=Host.Functions.Submit", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void HostJsonConfiguresCpuBoundServiceBusScoringAndLeavesRetriesToTheCore()
    {
        using var host = JsonDocument.Parse(Repository.Read("host.json"));
        var root = host.RootElement;
        Assert.Equal("2.0", root.GetProperty("version").GetString());
        Assert.True(TimeSpan.TryParse(root.GetProperty("functionTimeout").GetString(), out var timeout) && timeout >= TimeSpan.FromMinutes(10));
        var serviceBus = root.GetProperty("extensions").GetProperty("serviceBus");
        Assert.InRange(serviceBus.GetProperty("maxConcurrentCalls").GetInt32(), 1, 4);
        Assert.Equal(0, serviceBus.GetProperty("prefetchCount").GetInt32());
        Assert.True(serviceBus.GetProperty("autoCompleteMessages").GetBoolean(), "ScheduledRetries completes a message by returning");
        Assert.False(root.TryGetProperty("retry", out _), "retries are the core's DeliveryPolicy; a host retry block would not cover Service Bus triggers anyway");
    }

    [Fact]
    public void LocalSettingsExampleNamesTheConnections()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.FunctionsFolder, "local.settings.json.example")));
        var values = settings.RootElement.GetProperty("Values");
        Assert.Equal("dotnet-isolated", values.GetProperty("FUNCTIONS_WORKER_RUNTIME").GetString());
        foreach (var name in new[] { "AzureWebJobsStorage", "PipelineStorage__blobServiceUri", "PipelineStorage__queueServiceUri", "ServiceBus__fullyQualifiedNamespace" })
        {
            Assert.True(values.TryGetProperty(name, out _), $"local.settings.json.example lacks {name}");
        }
    }

    [Fact]
    public void EveryModuleExistsAndGetsExactlyTheParametersItDeclares()
    {
        var main = Repository.Read("infra", "main.bicep");
        var modules = ModulePattern().Matches(main).ToList();
        Assert.True(modules.Count >= 6);
        foreach (var module in modules)
        {
            var path = module.Groups["path"].Value;
            var declared = Repository.BicepParameters(Repository.Read("infra", path));
            var passed = PassedParamPattern().Matches(module.Groups["params"].Value).Select(m => m.Groups["name"].Value).ToHashSet();
            Assert.Subset(declared.Keys.ToHashSet(), passed);
            Assert.Subset(passed, declared.Where(p => !p.Value).Select(p => p.Key).ToHashSet());
        }
    }

    [Fact]
    public void ParametersFileMatchesMainBicep()
    {
        using var parameters = JsonDocument.Parse(Repository.Read("infra", "main.parameters.json"));
        var declared = Repository.BicepParameters(Repository.Read("infra", "main.bicep"));
        var given = parameters.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Subset(declared.Keys.ToHashSet(), given);
        Assert.Subset(given, declared.Where(p => !p.Value).Select(p => p.Key).ToHashSet());
        Assert.Contains("targetScope = 'subscription'", Repository.Read("infra", "main.bicep"), StringComparison.Ordinal);
    }

    [Fact]
    public void FunctionsAreInTheSolutionButNotInTheLocalFilter()
    {
        Assert.Contains(@"functions\MusicMask.Functions\MusicMask.Functions.csproj", Repository.Read("Pipeline.sln"), StringComparison.Ordinal);
        Assert.DoesNotContain("MusicMask.Functions", Repository.Read("Pipeline.Local.slnf"), StringComparison.Ordinal);
        var project = File.ReadAllText(Path.Combine(Repository.FunctionsFolder, "MusicMask.Functions.csproj"));
        Assert.All(PackagePattern().Matches(project), p => Assert.Matches(@"^\d+\.\d+\.\d+$", p.Groups["version"].Value));
    }

    [GeneratedRegex("""run: (?<path>\./infra/hooks/[\w.-]+)""")]
    private static partial Regex HookRunPattern();

    [GeneratedRegex("""^output (?<name>\w+) """, RegexOptions.Multiline)]
    private static partial Regex OutputPattern();

    [GeneratedRegex("""(?:\$\{?|\$env:|\$\(\$env:)(?<name>AZURE_\w+)""")]
    private static partial Regex AzureVariablePattern();

    [GeneratedRegex("""module \w+ '(?<path>[\w/.-]+)' = \{(?<body>.*?)\n  params: \{\n(?<params>.*?)\n  \}\n\}""", RegexOptions.Singleline)]
    private static partial Regex ModulePattern();

    [GeneratedRegex("""^    (?<name>\w+):""", RegexOptions.Multiline)]
    private static partial Regex PassedParamPattern();

    [GeneratedRegex("PackageReference Include=\"[^\"]+\" Version=\"(?<version>[^\"]+)\"")]
    private static partial Regex PackagePattern();
}
