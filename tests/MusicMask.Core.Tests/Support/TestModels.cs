using MusicMask.Models;

namespace MusicMask.Tests.Support;

/// <summary>Random-weight models written by the project's own ONNX writer, one file per seed per test run.</summary>
public static class TestModels
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "musicmask-tests", "models");
    private static readonly Lock Gate = new();

    public static string RandomModel(int seed = 1)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, $"random-{seed}-{Environment.ProcessId}.onnx");
            if (!File.Exists(path))
            {
                File.WriteAllBytes(path, OnnxModelWriter.Write(NetworkWeights.Random(seed), $"test-{seed}"));
            }

            return path;
        }
    }
}
