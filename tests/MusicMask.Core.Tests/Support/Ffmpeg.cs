using System.Diagnostics;
using MusicMask.Audio;

namespace MusicMask.Tests.Support;

/// <summary>Makes test files in other formats with the ffmpeg on PATH (.ci/run installs it).</summary>
public static class Ffmpeg
{
    public static void Convert(string from, string to)
    {
        Assert.True(FfmpegAudioSource.IsAvailable, "this test needs ffmpeg on PATH (apt-get install ffmpeg; .ci/run installs it)");
        var info = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true };
        foreach (var arg in new[] { "-nostdin", "-v", "error", "-y", "-i", from, to })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, stderr);
    }
}
