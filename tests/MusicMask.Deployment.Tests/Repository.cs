using System.Text.RegularExpressions;

namespace MusicMask.Deployment.Tests;

/// <summary>Reads the deployment files of the checkout the tests run from.</summary>
internal static partial class Repository
{
    public static readonly string Root = FindRoot();

    public static string FunctionsFolder => Path.Combine(Root, "functions", "MusicMask.Functions");

    public static string Read(params string[] parts) => File.ReadAllText(Path.Combine([Root, .. parts]));

    public static IEnumerable<string> FunctionSources() => Directory.EnumerateFiles(FunctionsFolder, "*.cs");

    /// <summary>The string constants of functions/…/AppSettings.cs, with the core constants they are built from resolved.</summary>
    public static IReadOnlyDictionary<string, string> AppSettingsConstants()
    {
        var core = new Dictionary<string, string>
        {
            ["BlobNames.AudioContainer"] = Storage.BlobNames.AudioContainer,
            ["QueueNames.Ingest"] = Messaging.QueueNames.Ingest,
            ["QueueNames.Tiles"] = Messaging.QueueNames.Tiles,
            ["QueueNames.Aggregation"] = Messaging.QueueNames.Aggregation,
        };
        var constants = new Dictionary<string, string>();
        foreach (Match match in ConstantPattern().Matches(Read("functions", "MusicMask.Functions", "AppSettings.cs")))
        {
            var value = string.Concat(match.Groups["expression"].Value.Split('+').Select(term =>
            {
                term = term.Trim();
                return term.StartsWith('"') ? term.Trim('"') : core[term];
            }));
            constants[$"AppSettings.{match.Groups["name"].Value}"] = value;
        }

        return constants;
    }

    /// <summary>Every `param name` a Bicep file declares, with whether it has a default.</summary>
    public static IReadOnlyDictionary<string, bool> BicepParameters(string text) =>
        ParamPattern().Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["default"].Success);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "azure.yaml")) && File.Exists(Path.Combine(folder.FullName, "Pipeline.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("no azure.yaml + Pipeline.sln above the test folder");
    }

    [GeneratedRegex("""public const string (?<name>\w+) = (?<expression>[^;]+);""")]
    private static partial Regex ConstantPattern();

    [GeneratedRegex("""^param (?<name>\w+) \w+(?<default> =)?""", RegexOptions.Multiline)]
    private static partial Regex ParamPattern();
}
