using MusicMask.Models;

namespace MusicMask.Tests.Support;

/// <summary>Random-weight models written by the project's own ONNX writer, one file per seed per test run, deleted when the run ends.</summary>
public static class TestModels
{
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "musicmask-tests", $"models-{Environment.ProcessId}");
    private static readonly Lock Gate = new();

    static TestModels() => AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder();

    public static string RandomModel(int seed = 1)
    {
        lock (Gate)
        {
            Directory.CreateDirectory(Folder);
            var path = Path.Combine(Folder, $"random-{seed}.onnx");
            if (!File.Exists(path))
            {
                File.WriteAllBytes(path, OnnxModelWriter.Write(NetworkWeights.Random(seed), $"test-{seed}"));
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
