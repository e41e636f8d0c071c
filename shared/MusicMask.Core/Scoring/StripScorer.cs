using System.Buffers;
using System.Security.Cryptography;
using Microsoft.ML.OnnxRuntime;
using MusicMask.Outputs;
using MusicMask.Models;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Scoring;

/// <summary>
/// Scores spectrogram strips with the fully convolutional model: one ONNX run over a tile yields the music
/// probability of every 64x256 window in it. Holds one InferenceSession; thread-safe.
/// </summary>
public sealed class StripScorer : ITileScorer, IDisposable
{
    private const int Bins = SpectrogramParameters.Bins;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames = [ModelContract.InputName];
    private readonly string[] _outputNames = [ModelContract.OutputName];
    private readonly Lazy<ModelInfo> _model;

    public StripScorer(string modelPath, StripScorerOptions? options = null)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"model not found: {modelPath}", modelPath);
        }

        ModelPath = Path.GetFullPath(modelPath);
        using var sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = (options ?? new StripScorerOptions()).IntraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        sessionOptions.AddSessionConfigEntry("session.set_denormal_as_zero", "1");
        try
        {
            _session = new InferenceSession(modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException error)
        {
            throw new InvalidDataException($"cannot load model {modelPath}: {error.Message}", error);
        }

        try
        {
            Parameters = ModelParameters.FromProperties(_session.ModelMetadata.CustomMetadataMap);
            Parameters.EnsureMatchesPipeline();
            Context = ColumnContext.FromProperties(_session.ModelMetadata.CustomMetadataMap);
            TimeContext = TimeContext.FromProperties(_session.ModelMetadata.CustomMetadataMap);
            EnsureContract();
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        var version = Parameters.Version;
        _model = new Lazy<ModelInfo>(() => Describe(ModelPath, version));
    }

    public ModelParameters Parameters { get; }

    /// <summary>How each window's score is read with its time column, when the model carries it (<see cref="ColumnContext"/>).</summary>
    public ColumnContext? Context { get; }

    /// <summary>
    /// How the recording's window scores are read with the moments around them (<see cref="Scoring.TimeContext"/>), when
    /// the model carries it; applied where the whole recording's windows meet, not per tile.
    /// </summary>
    public TimeContext? TimeContext { get; }

    /// <summary>Whether the model also reads its features out per pixel (<see cref="PixelProbabilities"/>).</summary>
    public bool HasPixelHead => Enumerable.Range(0, PixelHeadGeometry.Taps).All(tap => _session.OutputMetadata.ContainsKey(ModelContract.PixelLogitsName(tap)));

    public string ModelPath { get; }

    /// <summary>File name, version and SHA-256 of the model, as results name it.</summary>
    public ModelInfo Model => _model.Value;

    /// <summary>Scores every window of a tile in one run; windows at the spectrogram floor score 0 (<see cref="SilenceGate"/>).</summary>
    public WindowScores Score(SpectrogramTile tile)
    {
        var frames = tile.FrameCount;
        var input = ArrayPool<float>.Shared.Rent(Bins * frames);
        float[] output;
        try
        {
            Transpose(tile.Frames, input, frames);
            output = Run(input.AsMemory(0, Bins * frames), [1, 1, Bins, frames]);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(input);
        }

        var expected = WindowGrid.BandPositions * tile.Range.Windows;
        if (output.Length != expected)
        {
            throw new InvalidDataException($"model returned {output.Length} probabilities for tile {tile.Range.Index}, expected {expected}");
        }

        var levels = WindowLevels.Of(tile);
        Context?.Apply(output, levels, tile.Range.Windows);
        SilenceGate.Apply(levels, output);
        return new WindowScores(tile.Range.Index, tile.Range.FirstWindow, tile.Range.Windows, output);
    }

    /// <summary>Runs the model on a batch of frequency-major inputs [count, 1, height, width]; returns the flat output.</summary>
    public float[] Run(float[] input, long[] shape) => Run(input.AsMemory(), shape);

    private float[] Run(Memory<float> input, long[] shape)
    {
        using var outputs = Outputs(input, shape, _outputNames);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private IDisposableReadOnlyCollection<OrtValue> Outputs(Memory<float> input, long[] shape, string[] names)
    {
        using var inputValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, input, shape);
        return _session.Run(_runOptions, _inputNames, [inputValue], names);
    }

    /// <summary>
    /// The music probability of every pixel of a frequency-major spectrogram [256, frames] (frames at least 256), from
    /// the model's pixel head (<see cref="PixelLogits"/>); frequency-major too.
    /// </summary>
    public float[] PixelProbabilities(float[] frequencyMajor, int frames)
    {
        if (!HasPixelHead)
        {
            throw new InvalidOperationException($"{Path.GetFileName(ModelPath)} has no pixel head (outputs {string.Join(", ", _session.OutputMetadata.Keys)})");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(frames, WindowGrid.WindowWidth);
        if (frequencyMajor.Length != Bins * frames)
        {
            throw new ArgumentException($"a spectrogram of {frames} frames has {Bins * frames} values, not {frequencyMajor.Length}", nameof(frequencyMajor));
        }

        var names = Enumerable.Range(0, PixelHeadGeometry.Taps).Select(ModelContract.PixelLogitsName).ToArray();
        using var outputs = Outputs(frequencyMajor.AsMemory(), [1, 1, Bins, frames], names);
        var maps = outputs.Select(output =>
        {
            var shape = output.GetTensorTypeAndShape().Shape;
            return (output.GetTensorDataAsSpan<float>().ToArray(), (int)shape[2], (int)shape[3]);
        }).ToArray();
        return PixelLogits.Probabilities(maps, Bins, frames);
    }

    private void EnsureContract()
    {
        if (!_session.InputMetadata.ContainsKey(ModelContract.InputName) || !_session.OutputMetadata.ContainsKey(ModelContract.OutputName))
        {
            throw new InvalidDataException(
                $"model must take '{ModelContract.InputName}' and return '{ModelContract.OutputName}'; it has inputs " +
                $"[{string.Join(", ", _session.InputMetadata.Keys)}] and outputs [{string.Join(", ", _session.OutputMetadata.Keys)}]");
        }
    }

    /// <summary>Time-major frames [frames, 256] to the model's frequency-major [256, frames].</summary>
    private static void Transpose(float[] timeMajor, float[] frequencyMajor, int frames)
    {
        const int block = 32;
        for (var f0 = 0; f0 < frames; f0 += block)
        {
            var f1 = Math.Min(frames, f0 + block);
            for (var b0 = 0; b0 < Bins; b0 += block)
            {
                for (var f = f0; f < f1; f++)
                {
                    for (var b = b0; b < b0 + block; b++)
                    {
                        frequencyMajor[b * frames + f] = timeMajor[f * Bins + b];
                    }
                }
            }
        }
    }

    private static ModelInfo Describe(string path, string version)
    {
        using var file = File.OpenRead(path);
        return new ModelInfo(Path.GetFileName(path), version, Convert.ToHexStringLower(SHA256.HashData(file)));
    }

    public void Dispose()
    {
        _runOptions.Dispose();
        _session.Dispose();
    }
}
