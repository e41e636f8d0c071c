using System.Diagnostics;

namespace MusicMask.Training.Tests.Data;

/// <summary>Runs one of the repository's scripts/ with bash, as a user would, and fails the test if it fails.</summary>
internal static class ProjectScript
{
    /// <summary>The script's standard output.</summary>
    public static string Run(string script, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryFile.Find(Path.Combine("scripts", script)));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{script} failed: {output.Result}\n{error.Result}");
        return output.Result;
    }
}
