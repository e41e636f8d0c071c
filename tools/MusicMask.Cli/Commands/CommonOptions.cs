using System.CommandLine;

namespace MusicMask.Cli.Commands;

internal static class CommonOptions
{
    public const string DefaultModelFile = "musicmask-v1.onnx";

    /// <summary>The shipped model, copied beside the executable at build time.</summary>
    public static string DefaultModelPath => Path.Combine(AppContext.BaseDirectory, "models", DefaultModelFile);

    public static Option<FileInfo> Model() => new("--model", "-m")
    {
        Description = $"ONNX model following the strip contract (default: the shipped {DefaultModelFile})",
        DefaultValueFactory = _ => new FileInfo(DefaultModelPath),
    };

    public static Option<int> Threads() => new Option<int>("--threads", "-t")
    {
        Description = "concurrent scoring threads (default: all cores)",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    }.Within(1, MaxThreads);

    /// <summary>ONNX Runtime aborts the process when asked for tens of thousands of threads.</summary>
    public const int MaxThreads = 256;
}
