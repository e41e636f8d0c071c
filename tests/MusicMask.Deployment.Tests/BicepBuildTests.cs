using System.Reflection;
using System.Text.Json;

namespace MusicMask.Deployment.Tests;

/// <summary>infra/ compiled by the real Bicep compiler, as `azd up` compiles it: a subscription-scope template, no diagnostic.</summary>
public sealed class BicepBuildTests
{
    [Fact]
    public async Task MainBicepCompilesToAnArmTemplateWithoutAnyDiagnostic()
    {
        // bicep writes a profile under the temp folder; a folder of its own keeps the machine's /tmp as it was.
        var scratch = Directory.CreateTempSubdirectory("musicmask-bicep-");
        ExternalTool.Result result;
        try
        {
            result = await ExternalTool.RunAsync(BicepExecutable(), ["build", Path.Combine("infra", "main.bicep"), "--stdout"], Repository.Root,
                new Dictionary<string, string?> { ["TMPDIR"] = scratch.FullName });
        }
        finally
        {
            scratch.Delete(recursive: true);
        }

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(result.Error.Trim().Length == 0, $"bicep reported diagnostics (warnings include type mismatches against the Azure resource schemas):\n{result.Error}");
        using var template = JsonDocument.Parse(result.Output);
        Assert.Contains("subscriptionDeploymentTemplate.json", template.RootElement.GetProperty("$schema").GetString(), StringComparison.Ordinal);
        Assert.Equal(Repository.BicepParameters(Repository.Read("infra", "main.bicep")).Keys.Order(), template.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).Order());
    }

    private static string BicepExecutable()
    {
        var folder = typeof(BicepBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPackageFolder").Value;
        return Path.Combine(folder!, "tools", "bicep");
    }
}
