using System.Globalization;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Models;

/// <summary>The analysis parameters a model was trained for, carried in its ONNX metadata_props.</summary>
public sealed record ModelParameters(int SampleRate, int FftSize, int Hop, int Bins, int WindowHeight, int WindowWidth, int Stride, string Version)
{
    public static ModelParameters Current(string version) => new(
        SpectrogramParameters.SampleRate,
        SpectrogramParameters.FftSize,
        SpectrogramParameters.Hop,
        SpectrogramParameters.Bins,
        WindowGrid.WindowHeight,
        WindowGrid.WindowWidth,
        WindowGrid.Stride,
        version);

    public IReadOnlyDictionary<string, string> ToProperties() => new Dictionary<string, string>
    {
        ["sample_rate"] = Invariant(SampleRate),
        ["n_fft"] = Invariant(FftSize),
        ["hop"] = Invariant(Hop),
        ["bins"] = Invariant(Bins),
        ["window_height"] = Invariant(WindowHeight),
        ["window_width"] = Invariant(WindowWidth),
        ["stride"] = Invariant(Stride),
        ["model_version"] = Version,
    };

    /// <summary>Reads the properties back; throws <see cref="InvalidDataException"/> naming anything missing or malformed.</summary>
    public static ModelParameters FromProperties(IReadOnlyDictionary<string, string> properties)
    {
        int Get(string key) => properties.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"model metadata lacks an integer '{key}'");
        return new ModelParameters(
            Get("sample_rate"),
            Get("n_fft"),
            Get("hop"),
            Get("bins"),
            Get("window_height"),
            Get("window_width"),
            Get("stride"),
            properties.TryGetValue("model_version", out var version) ? version : throw new InvalidDataException("model metadata lacks 'model_version'"));
    }

    /// <summary>Throws when this model was made for another analysis than the one this build computes.</summary>
    public void EnsureMatchesPipeline()
    {
        var expected = Current(Version);
        if (this != expected)
        {
            throw new InvalidDataException($"model parameters {Describe()} do not match this pipeline's {expected.Describe()}");
        }
    }

    public string Describe() =>
        $"(sample_rate {SampleRate}, n_fft {FftSize}, hop {Hop}, bins {Bins}, window {WindowHeight}x{WindowWidth}, stride {Stride})";

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
