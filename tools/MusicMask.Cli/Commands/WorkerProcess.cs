using System.Diagnostics;

namespace MusicMask.Cli.Commands;

/// <summary>Starts `musicmask worker` as another process of this same build (for scale-out benchmarks and tests).</summary>
public static class WorkerProcess
{
    public static Process Start(string connection, string modelPath, string role, int threads, TimeSpan? visibilityTimeout = null)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(Path.GetFileNameWithoutExtension(self) is "dotnet" or "testhost" ? "dotnet" : self)
        {
            UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        if (start.FileName == "dotnet")
        {
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "musicmask.dll"));
        }

        foreach (var argument in new[] { "worker", "--role", role, "--threads", $"{threads}", "--storage", connection, "--model", modelPath })
        {
            start.ArgumentList.Add(argument);
        }

        if (visibilityTimeout is { } timeout)
        {
            start.ArgumentList.Add("--visibility-timeout");
            start.ArgumentList.Add(timeout.ToString("c"));
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
