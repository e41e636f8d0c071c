namespace MusicMask.Deployment.Tests;

/// <summary>What `segment` loads is the core alone: no cloud SDK and no plotting library travel with it.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void TheCoreReferencesNoAzureSdkAndNoPlottingLibrary()
    {
        var references = typeof(MusicMask.Embedded.Segmenter).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.Contains("Microsoft.ML.OnnxRuntime", references);
        Assert.DoesNotContain(references, name => name.StartsWith("Azure.", StringComparison.Ordinal) || name.StartsWith("ScottPlot", StringComparison.Ordinal) || name == "Google.Protobuf");
    }

    [Fact]
    public void TheCoreProjectAsksForNoAzureSdkAndNoPlottingPackage()
    {
        var project = Repository.Read("shared", "MusicMask.Core", "MusicMask.Core.csproj");

        Assert.DoesNotContain("Include=\"Azure.", project, StringComparison.Ordinal);
        Assert.DoesNotContain("ScottPlot", project, StringComparison.Ordinal);
    }
}
