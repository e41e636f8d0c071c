using MusicMask.Models;

namespace MusicMask.Tests.Support;

/// <summary>Random-weight models written by the project's own ONNX writer, one file per seed per test run, deleted when the run ends.</summary>
public static class TestModels
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "musicmask-tests", $"models-{Environment.ProcessId}");
    private static readonly Lock Gate = new();

    static TestModels() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder();

    public static string RandomModel(int seed = 1) => Written($"random-{seed}.onnx", () => NetworkWeights.Random(seed), $"test-{seed}");

    /// <summary>A random model read with a column and a time context, so that tests take every context through every path.</summary>
    public static string RandomContextModel(int seed = 1) =>
        Written($"random-context-{seed}.onnx", () => NetworkWeights.Random(seed) with { ColumnContext = new(1, 1.2f, 0.8f), TimeContext = new(-2.5f, 4.2f, 1.3f, 8) }, $"test-{seed}");

    /// <summary>A random model with a random pixel head (<see cref="PixelHeadWeights.Random"/>).</summary>
    public static string RandomPixelHeadModel(int seed = 1) =>
        Written($"random-pixel-head-{seed}.onnx", () => NetworkWeights.Random(seed) with { PixelHead = PixelHeadWeights.Random(seed) }, $"test-{seed}");

    private static string Written(string name, Func<NetworkWeights> weights, string version)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, name);
            if (!File.Exists(path))
            {
                File.WriteAllBytes(path, OnnxModelWriter.Write(weights(), version));
            }

            return path;
        }
    }

    private static void DeleteFolder()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
            Directory.Delete(Path.GetDirectoryName(Folder)!);
        }
        catch (IOException)
        {
            // Another test process still uses the shared parent folder.
        }
    }
}
