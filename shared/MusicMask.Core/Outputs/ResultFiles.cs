using System.Text;
using System.Text.Json;
using MusicMask.Segmentation;

namespace MusicMask.Outputs;

/// <summary>Everything a finished job publishes under results/{name}/, as named byte arrays.</summary>
public static class ResultFiles
{
    public const string Manifest = "manifest.json";
    public const string Probability = "probability.npy";
    public const string Mask = "mask.npy";
    public const string SegmentsCsv = "segments.csv";
    public const string SegmentsJson = "segments.json";
    public const string Labels = "labels.txt";
    public const string Overlay = "overlay.png";
    public const string Error = "error.json";
    public const string Music = "music.wav";
    public const string Remainder = "remainder.wav";
    public const string GatedProbability = "probability-gated.npy";

    /// <summary>Every file name a result folder can hold: the only files publishing ever replaces or removes.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        Manifest, Probability, Mask, SegmentsCsv, SegmentsJson, Labels, Overlay, Error, Music, Remainder, GatedProbability,
    };

    /// <summary>The files only <c>segment --audio</c> writes; the pipeline's jobs never do.</summary>
    public static readonly IReadOnlySet<string> AudioOutputs = new HashSet<string>(StringComparer.Ordinal) { Music, Remainder, GatedProbability };

    /// <summary>The data files, manifest excluded (it is written last, as the mark of a complete result).</summary>
    public static IReadOnlyList<(string Name, byte[] Content)> Create(
        ProbabilityMap map,
        IReadOnlyList<Segment> segments,
        SpectrogramPreview preview,
        double durationSeconds,
        string title)
    {
        using var mask = new MemoryStream();
        NpyWriter.Write(mask, map.Mask(), ProbabilityMap.Rows, map.Columns);
        return
        [
            (Probability, Npy(map)),
            (Mask, mask.ToArray()),
            (SegmentsCsv, Encoding.UTF8.GetBytes(SegmentWriter.ToCsv(segments))),
            (SegmentsJson, Encoding.UTF8.GetBytes(SegmentWriter.ToJson(segments))),
            (Labels, Encoding.UTF8.GetBytes(SegmentWriter.ToAudacityLabels(segments))),
            (Overlay, OverlayRenderer.RenderPng(preview, map, durationSeconds, title)),
        ];
    }

    /// <summary>A map's probabilities as float32 [16, columns].</summary>
    public static byte[] Npy(ProbabilityMap map)
    {
        using var stream = new MemoryStream();
        NpyWriter.Write(stream, map.Values, ProbabilityMap.Rows, map.Columns);
        return stream.ToArray();
    }

    public static byte[] Serialize(ResultManifest manifest) => JsonSerializer.SerializeToUtf8Bytes(manifest, JsonOptions.Indented);

    public static byte[] Serialize(ErrorRecord error) => JsonSerializer.SerializeToUtf8Bytes(error, JsonOptions.Indented);

    /// <summary>Whether the bytes are a manifest.json as this tool writes them (every required member present).</summary>
    public static bool IsManifest(byte[] content)
    {
        try
        {
            return JsonSerializer.Deserialize<ResultManifest>(content, JsonOptions.Indented) is not null;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The source ETag a manifest.json names, or null when the bytes are not one.</summary>
    public static string? SourceETagOf(byte[] content)
    {
        try
        {
            return JsonSerializer.Deserialize<ResultManifest>(content, JsonOptions.Indented)?.Source.ETag;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Whether the bytes are an error.json as this tool writes them: source, stage, reason and time.</summary>
    public static bool IsErrorRecord(byte[] content)
    {
        try
        {
            using var json = JsonDocument.Parse(content);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object &&
                   new[] { "source", "stage", "reason" }.All(p => root.TryGetProperty(p, out var value) && value.ValueKind == JsonValueKind.String) &&
                   root.TryGetProperty("time", out var time) && time.TryGetDateTimeOffset(out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}

/// <summary>results/{name}/error.json: why a file produced no results; <see cref="Details"/> holds a decoder's log when there is one.</summary>
public sealed record ErrorRecord(string Source, string Stage, string Reason, DateTimeOffset Time, string? Details = null);
