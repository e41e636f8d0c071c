using MusicMask.Scoring;
using MusicMask.Segmentation;

namespace MusicMask.Evaluation;

/// <summary>
/// The paper's Figure 2 experiment: music and noise excerpts drawn at random (seeded) from held-out folders;
/// positives are the windows of music (clean) or music+noise at an SNR, negatives the windows of the same noise
/// alone. Also scores the cell mask of each mixture against its ideal binary mask, and the windows under
/// audibility labels (<see cref="AudibleWindows"/>). Given a baseline model, scores
/// it on the same windows and gives the difference with a paired interval.
/// </summary>
public sealed class Evaluator(StripScorer scorer, EvaluationOptions options, StripScorer? baseline = null)
{
    public EvaluationReport Run(IReadOnlyList<string> musicFiles, IReadOnlyList<string> noiseFiles, IProgress<string>? progress = null)
    {
        options.Validate();
        if (musicFiles.Count == 0 || noiseFiles.Count == 0)
        {
            throw new ArgumentException("evaluation needs at least one music and one noise file");
        }

        var music = new ExcerptDraws(musicFiles, options.ExcerptSeconds);
        var (sources, sourceOfFile) = FileSources.Indexed(musicFiles);
        var (noiseSources, noiseSourceOfFile) = FileSources.Indexed(noiseFiles);
        var noise = new ExcerptDraws(noiseFiles, options.ExcerptSeconds);
        var results = new List<ConditionResult>();
        var banded = new List<BandedWindows>();
        foreach (var snr in options.Snrs)
        {
            var random = new Random(options.ConditionSeed(snr));
            var windows = new LabelledWindows(options.SilentWindowDecibels, baseline is not null);
            var audible = new AudibleWindows(options.SilentWindowDecibels);
            double intersection = 0, union = 0;
            var excerpts = 0;
            var (musicColumns, noiseColumns) = (new ColumnCount(), new ColumnCount());
            var silentDraws = new SilentDraws(options.SilentWindowDecibels);
            while (windows.Scores.Count < options.WindowsPerCondition)
            {
                var (musicExcerpt, musicFile, noiseExcerpt, noiseFile) = ExcerptPair.DrawSounding(music, noise, random, silentDraws);
                var (positive, noiseAlone) = ExcerptPair.Mix(musicExcerpt, noiseExcerpt, snr);
                var mixture = SignalScorer.Score(scorer, positive);
                var noiseScored = SignalScorer.Score(scorer, noiseAlone);
                var pairSources = (sourceOfFile[musicFile], noiseSourceOfFile[noiseFile]);
                var musicAudible = windows.Add(mixture, true, pairSources, excerpts, Baseline(positive));
                var noiseAudible = windows.Add(noiseScored, false, pairSources, excerpts, Baseline(noiseAlone));
                silentDraws.Add(musicAudible, noiseAudible);
                musicColumns.Add(mixture.Map);
                noiseColumns.Add(noiseScored.Map);
                if (snr is not null)
                {
                    var (musicPower, noisePower) = (SignalScorer.CellPower(musicExcerpt, mixture.Map.Columns), SignalScorer.CellPower(noiseAlone, mixture.Map.Columns));
                    var (i, u) = MaskOverlap(mixture, musicPower, noisePower);
                    intersection += i;
                    union += u;
                    audible.AddMixture(mixture, musicPower, noisePower);
                    audible.AddNoise(noiseScored);
                }

                excerpts++;
            }

            banded.Add(new BandedWindows(windows.Scores, windows.Labels, windows.Bands));
            var name = snr is { } value ? $"{value:+0;-0;0} dB" : "clean";
            silentDraws.EnsureBothClasses(windows.Labels);
            var roc = RocCurve.Compute(windows.Scores, windows.Labels);
            var bootstrap = new ClusterBootstrap(windows.Scores, windows.Labels, windows.Excerpts, excerpts);
            results.Add(new ConditionResult(
                name,
                snr,
                roc,
                snr is null ? null : union == 0 ? 1 : intersection / union,
                excerpts,
                RocCurve.AucByGroup(windows.Scores, windows.Labels, windows.Bands, WindowGrid.BandPositions),
                RocCurve.AucByGroup(windows.Scores, windows.Labels, windows.Sources, sources.Length),
                RocCurve.AucByGroup(windows.Scores, windows.Labels, windows.NoiseSources, noiseSources.Length),
                new ColumnRates(musicColumns.MusicShare, noiseColumns.MusicShare),
                bootstrap.AucInterval(options.BootstrapReplicates, options.ConditionSeed(snr)),
                Compare(bootstrap, windows, excerpts, snr),
                audible.Auc()));
            progress?.Report($"{name}: AUC {roc.Auc:F4} over {roc.Positives} music and {roc.Negatives} noise windows");
        }

        var baselineName = baseline is null ? null : Path.GetFileName(baseline.ModelPath);
        var calibration = BandCalibration.Measure(banded, WindowGrid.BandPositions);
        return new EvaluationReport(Path.GetFileName(scorer.ModelPath), options.Seed, options.ExcerptSeconds, results, sources, noiseSources, baselineName, calibration);
    }

    private ScoredSignal? Baseline(float[] signal) => baseline is null ? null : SignalScorer.Score(baseline, signal);

    private BaselineComparison? Compare(ClusterBootstrap model, LabelledWindows windows, int excerpts, double? snr)
    {
        if (windows.BaselineScores is not { } scores)
        {
            return null;
        }

        var other = new ClusterBootstrap(scores, windows.Labels, windows.Excerpts, excerpts);
        var auc = RocCurve.Compute(scores, windows.Labels).Auc;
        return new BaselineComparison(auc, model.DifferenceInterval(other, options.BootstrapReplicates, options.ConditionSeed(snr)));
    }

    /// <summary>
    /// The scored windows of a condition above the silence floor, with their label, band position, music and noise
    /// source and excerpt pair, and the baseline's scores of the same windows when there is a baseline.
    /// </summary>
    private sealed class LabelledWindows(float silentWindowDecibels, bool withBaseline)
    {
        public List<float> Scores { get; } = [];

        public List<float>? BaselineScores { get; } = withBaseline ? [] : null;

        public List<int> Excerpts { get; } = [];

        public List<bool> Labels { get; } = [];

        public List<int> Bands { get; } = [];

        public List<int> Sources { get; } = [];

        public List<int> NoiseSources { get; } = [];

        /// <summary>Adds the signal's windows above the silence floor; false when it has none.</summary>
        public bool Add(ScoredSignal signal, bool label, (int Music, int Noise) sources, int excerpt, ScoredSignal? baseline)
        {
            var before = Scores.Count;
            for (var i = 0; i < signal.WindowProbabilities.Length; i++)
            {
                if (signal.WindowDecibels[i] >= silentWindowDecibels)
                {
                    Scores.Add(signal.WindowProbabilities[i]);
                    BaselineScores?.Add(baseline!.WindowProbabilities[i]);
                    Excerpts.Add(excerpt);
                    Labels.Add(label);
                    Bands.Add((int)(i / signal.Grid.WindowColumns));
                    Sources.Add(sources.Music);
                    NoiseSources.Add(sources.Noise);
                }
            }

            return Scores.Count > before;
        }
    }

    /// <summary>How many time columns of the scored signals the segment rule calls music, of how many.</summary>
    private sealed class ColumnCount
    {
        private int _music;
        private int _total;

        public double MusicShare => _total == 0 ? double.NaN : (double)_music / _total;

        public void Add(ProbabilityMap map)
        {
            for (var c = 0; c < map.Columns; c++)
            {
                _music += map.ColumnProbability(c) > ProbabilityMap.Threshold ? 1 : 0;
            }

            _total += map.Columns;
        }
    }

    /// <summary>Cells where the music's power exceeds the noise's, against the predicted mask: (|A∧B|, |A∨B|).</summary>
    private static (double Intersection, double Union) MaskOverlap(ScoredSignal mixture, double[] musicPower, double[] noisePower)
    {
        var predicted = mixture.Map.Mask();
        double intersection = 0, union = 0;
        for (var i = 0; i < predicted.Length; i++)
        {
            var ideal = musicPower[i] > noisePower[i];
            var guess = predicted[i] == 1;
            intersection += ideal && guess ? 1 : 0;
            union += ideal || guess ? 1 : 0;
        }

        return (intersection, union);
    }
}
