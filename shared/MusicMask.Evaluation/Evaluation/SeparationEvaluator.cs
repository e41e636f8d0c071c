using MusicMask.Scoring;
using MusicMask.Separation;
using MusicMask.Signals;
using MusicMask.Transforms;

namespace MusicMask.Evaluation;

public sealed class SeparationOptions
{
    public IReadOnlyList<double> Snrs { get; init; } = [5, 0, -5];

    public int ExcerptsPerCondition { get; init; } = 40;

    public double ExcerptSeconds { get; init; } = 6;

    public int Seed { get; init; } = 1;

    /// <summary>Richardson-Lucy iterations of the sharpened map (<see cref="Segmentation.WindowDeconvolution"/>).</summary>
    public int SharpenIterations { get; init; } = Segmentation.WindowDeconvolution.DefaultIterations;

    /// <summary>How far above its 2-bin band's median a pixel may stand before the pixel-gated mask scales it down.</summary>
    public float PixelGateDecibels { get; init; } = Separation.PixelGatedMask.AboveMedianDecibels;

    /// <summary>Excerpts quieter than this RMS (-80 dBFS) are drawn again: SI-SDR needs a reference that sounds.</summary>
    public const double SilentRms = 1e-4;

    public void Validate()
    {
        if (Snrs.Count == 0)
        {
            throw new ArgumentException("no conditions: give SNRs in dB ('clean' has no noise to remove)");
        }

        foreach (var db in Snrs.Where(db => !(Math.Abs(db) <= EvaluationOptions.MaxSnrDecibels)))
        {
            throw new ArgumentException($"SNR {db} dB: conditions must lie within -{EvaluationOptions.MaxSnrDecibels} to +{EvaluationOptions.MaxSnrDecibels} dB");
        }

        if (ExcerptsPerCondition < 1)
        {
            throw new ArgumentException($"excerpts per condition must be at least 1, not {ExcerptsPerCondition}");
        }

        if (SharpenIterations < 0)
        {
            throw new ArgumentException($"sharpening iterations cannot be negative ({SharpenIterations})");
        }

        if (!(ExcerptSeconds >= 1))
        {
            throw new ArgumentException($"excerpts of {ExcerptSeconds} s are too short: give at least 1 s");
        }
    }
}

/// <summary>
/// One mask's SI-SDR improvement over the mixture across the excerpts of a condition, in dB, over the excerpts whose
/// music it did not silence altogether (SI-SDR -inf); <see cref="Silenced"/> counts those.
/// </summary>
public sealed record ImprovementSummary(double Mean, double Median, double StandardError, int Silenced);

public sealed record SeparationCondition(double Snr, int Excerpts, double MixtureSiSdr, IReadOnlyDictionary<string, ImprovementSummary> Improvements);

public sealed record SeparationReport(string Model, int Seed, double ExcerptSeconds, int SharpenIterations, float PixelGateDecibels, IReadOnlyList<SeparationCondition> Conditions)
{
    /// <summary>The masks measured, in table order; a centre model's are last.</summary>
    public IReadOnlyList<string> Masks { get; init; } = SeparationEvaluator.MaskNames;

    /// <summary>The centre model's file name when one was measured.</summary>
    public string? CentreModel { get; init; }

    /// <summary>The pixel-head model's file name when one was measured.</summary>
    public string? PixelModel { get; init; }
}

/// <summary>
/// Music and noise excerpts drawn at random (seeded) from held-out folders and mixed at each SNR; the mixture is
/// segmented as `segment` does it, its music resynthesised under each mask, and each result's SI-SDR against the
/// music alone compared with the mixture's.
/// </summary>
public sealed class SeparationEvaluator(StripScorer scorer, SeparationOptions options, StripScorer? centreScorer = null, StripScorer? pixelScorer = null)
{
    public const string Cells = "cells";
    public const string CellGated = "level-gated";
    public const string Shipped = "pixel-gated";
    public const string Cubed = "cells-cubed";
    public const string Sharpened = "sharpened";
    public const string Tonal = "tonal";
    public const string IdealCells = "ideal-cells";
    public const string IdealPixels = "ideal-pixels";

    public const string Centre = "centre";
    public const string CentreGated = "centre-pixel-gated";

    public const string PixelHead = "pixel-head";
    public const string PixelHeadGated = "pixel-head-gated";
    public const string PixelHeadShipped = "pixel-head-x-shipped";

    public static readonly IReadOnlyList<string> MaskNames = [Cells, CellGated, Shipped, Cubed, Sharpened, Tonal, IdealCells, IdealPixels];

    private IReadOnlyList<string> Names =>
        [.. MaskNames, .. centreScorer is null ? [] : new[] { Centre, CentreGated }, .. pixelScorer is null ? [] : new[] { PixelHead, PixelHeadGated, PixelHeadShipped }];

    public SeparationReport Run(IReadOnlyList<string> musicFiles, IReadOnlyList<string> noiseFiles, IProgress<string>? progress = null)
    {
        options.Validate();
        if (pixelScorer is { HasPixelHead: false })
        {
            throw new ArgumentException($"{Path.GetFileName(pixelScorer.ModelPath)} has no pixel head: make one with musicmask-train --pixel-head");
        }

        if (musicFiles.Count == 0 || noiseFiles.Count == 0)
        {
            throw new ArgumentException("evaluation needs at least one music and one noise file");
        }

        var music = new ExcerptDraws(musicFiles, options.ExcerptSeconds);
        var noise = new ExcerptDraws(noiseFiles, options.ExcerptSeconds);
        var conditions = new List<SeparationCondition>();
        foreach (var snr in options.Snrs)
        {
            var random = new Random(unchecked(options.Seed * 7919 + (int)Math.Round(snr * 100)));
            var improvements = Names.ToDictionary(name => name, _ => new List<double>());
            var mixtures = new List<double>();
            var draws = 0;
            while (mixtures.Count < options.ExcerptsPerCondition)
            {
                if (++draws > 20 * options.ExcerptsPerCondition)
                {
                    throw new InvalidDataException($"{snr} dB: after {draws - 1} draws only {mixtures.Count} excerpt pairs had both music and noise above {20 * Math.Log10(SeparationOptions.SilentRms):F0} dBFS");
                }

                var (musicExcerpt, _) = music.Draw(random);
                var (noiseExcerpt, _) = noise.Draw(random);
                if (SignalGenerator.Rms(musicExcerpt) < SeparationOptions.SilentRms || SignalGenerator.Rms(noiseExcerpt) < SeparationOptions.SilentRms)
                {
                    continue;
                }

                var scaledNoise = SignalGenerator.ScaleToSnr(musicExcerpt, noiseExcerpt, snr);
                var mixture = SignalGenerator.Sum(musicExcerpt, scaledNoise);
                var baseline = SiSdr.Of(musicExcerpt, mixture);
                mixtures.Add(baseline);
                foreach (var (name, mask) in Masks(mixture, musicExcerpt, scaledNoise))
                {
                    improvements[name].Add(SiSdr.Of(musicExcerpt, MusicSeparator.Music(mixture, mask)) - baseline);
                }
            }

            var summary = improvements.ToDictionary(p => p.Key, p => Summarise(p.Value));
            conditions.Add(new SeparationCondition(snr, mixtures.Count, mixtures.Average(), summary));
            progress?.Report($"{snr:+0;-0;0} dB: SI-SDR improvement " + string.Join(", ", Names.Select(n => $"{n} {summary[n].Mean:F2} dB")));
        }

        return new SeparationReport(Path.GetFileName(scorer.ModelPath), options.Seed, options.ExcerptSeconds, options.SharpenIterations, options.PixelGateDecibels, conditions)
        {
            Masks = Names,
            CentreModel = centreScorer is null ? null : Path.GetFileName(centreScorer.ModelPath),
            PixelModel = pixelScorer is null ? null : Path.GetFileName(pixelScorer.ModelPath),
        };
    }

    private IEnumerable<(string Name, ISpectralMask Mask)> Masks(float[] mixture, float[] music, float[] noise)
    {
        var (map, sharpened, levels, medians, centre) = SignalScorer.SegmentMaps(scorer, mixture, options.SharpenIterations, centreScorer);
        var ideal = new IdealMasks(music, noise);
        var gated = LevelGate.Apply(map, levels);
        yield return (Cells, new SmoothCellMask(map));
        yield return (CellGated, new SmoothCellMask(gated));
        var shipped = new PixelGatedMask(gated, medians, options.PixelGateDecibels);
        yield return (Shipped, shipped);
        yield return (Cubed, new SmoothCellMask(map, exponent: 3));
        yield return (Sharpened, new SmoothCellMask(sharpened));
        yield return (Tonal, new SignalGuidedMask(map));
        yield return (IdealCells, ideal.Cells);
        yield return (IdealPixels, ideal.Pixels);
        if (centre is not null)
        {
            yield return (Centre, new SmoothCellMask(centre));
            yield return (CentreGated, new PixelGatedMask(LevelGate.Apply(centre, levels), medians, options.PixelGateDecibels));
        }

        if (pixelScorer is not null)
        {
            var (spectrogram, frames) = SignalScorer.Spectrogram(mixture);
            var pixels = new PixelProbabilityMask(pixelScorer.PixelProbabilities(spectrogram, frames), frames);
            var gates = LevelGate.Apply(map with { Values = Enumerable.Repeat(1f, map.Values.Length).ToArray() }, levels);
            yield return (PixelHead, pixels);
            yield return (PixelHeadGated, new MaskProduct(pixels, new PixelGatedMask(gates, medians, options.PixelGateDecibels)));
            yield return (PixelHeadShipped, new MaskProduct(pixels, new PixelGatedMask(gated, medians, options.PixelGateDecibels)));
        }
    }

    private static ImprovementSummary Summarise(List<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        var silenced = values.Count - sorted.Length;
        if (sorted.Length == 0)
        {
            return new ImprovementSummary(double.NaN, double.NaN, double.NaN, silenced);
        }

        var mean = sorted.Average();
        var median = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        var spread = sorted.Length > 1 ? Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1) / sorted.Length) : double.NaN;
        return new ImprovementSummary(mean, median, spread, silenced);
    }
}
