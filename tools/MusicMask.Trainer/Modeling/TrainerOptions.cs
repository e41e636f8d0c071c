using MusicMask.Models;
using MusicMask.Training.Data;

namespace MusicMask.Training.Modeling;

public sealed record TrainerOptions
{
    /// <summary>Folder made by scripts/prepare-data.sh (train/ and validation/ inside).</summary>
    public required string DataFolder { get; init; }

    /// <summary>Checkpoints, the training log and the exported model go here.</summary>
    public required string RunFolder { get; init; }

    public double Minutes { get; init; } = 40;

    public int? MaxSteps { get; init; }

    public int Seed { get; init; } = 1;

    public int BatchSize { get; init; } = 12;

    /// <summary>Window columns per training strip; every strip yields 13 x this many labelled windows.</summary>
    public int WindowColumns { get; init; } = 16;

    public int StepsPerEpoch { get; init; } = 100;

    public double LearningRate { get; init; } = 0.05;

    /// <summary>"sgd" (with momentum, as the paper) or "adam" (AdamW; use a learning rate near 1e-3).</summary>
    public string Optimizer { get; init; } = "sgd";

    public double Momentum { get; init; } = 0.9;

    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Strips per validation condition; 128 keeps the choice of checkpoint from riding on a few excerpts.</summary>
    public int ValidationStripsPerKind { get; init; } = 128;

    /// <summary>When set, the weights at every multiple of this many steps (a multiple of StepsPerEpoch) are kept as snapshot-STEP.bin (for averaging).</summary>
    public int? SnapshotEverySteps { get; init; }

    /// <summary>
    /// Keeps every first-layer kernel summing to zero (projected after each step), so a constant dB offset, which is
    /// what a gain is in a log spectrogram, cancels in the first layer and the model cannot read loudness at all.
    /// </summary>
    public bool ZeroSumFirstLayer { get; init; }

    /// <summary>Quietest and loudest training strip level, dBFS RMS.</summary>
    public (double Lowest, double Highest) LevelDbfs { get; init; } = StripSampler.DefaultLevelDbfs;

    /// <summary>Chance that a training strip has a stretch of digital silence cut into it.</summary>
    public double SilenceGaps { get; init; }

    /// <summary>Chance that a training noise strip is a synthetic machine hum (validation strips stay recorded).</summary>
    public double MachineHum { get; init; }

    /// <summary>Chance that a training music source is a synthetic melody (validation strips stay recorded).</summary>
    public double SyntheticMusic { get; init; }

    /// <summary>Chance that a training music source is sung (validation strips keep the recorded music).</summary>
    public double SungMusic { get; init; }

    /// <summary>Chance that a training noise strip is a synthetic steady tone (validation strips stay recorded).</summary>
    public double SteadyTones { get; init; }

    /// <summary>Chance that a training speech strip is one talker instead of a babble (validation strips keep babble).</summary>
    public double SingleVoices { get; init; }

    /// <summary>Chance that a training source is heard in a synthetic room (validation strips stay dry).</summary>
    public double Reverb { get; init; }

    /// <summary>Chance that a training strip gets SpecAugment-style band and time masks (validation strips stay whole).</summary>
    public double SpectralMasks { get; init; }

    /// <summary>Mixture windows whose music lies more than this below the noise are left unlabelled (training strips only).</summary>
    public double InaudibleMusicDecibels { get; init; } = StripSampler.DefaultInaudibleMusicDecibels;

    /// <summary>Maps per convolution and dense units; more than an exported starting model's adds units that start silent.</summary>
    public NetworkWidth Width { get; init; } = NetworkWidth.Contract;

    /// <summary>An exported model (any width) whose probabilities the run also learns from (<see cref="DistillationLoss"/>).</summary>
    public string? Teacher { get; init; }

    /// <summary>Share of the teacher's term in the loss when <see cref="Teacher"/> is set.</summary>
    public double TeacherWeight { get; init; } = 0.5;

    /// <summary>How much more often hard training clips are drawn (<see cref="ClipEmphasis"/>); null draws by length alone.</summary>
    public ClipEmphasis? Emphasis { get; init; }

    /// <summary>Dropout before and after the dense layer while training.</summary>
    public double Dropout { get; init; } = MusicMaskNet.DefaultDropout;

    /// <summary>Training windows labelled by the audible music of their central cells (training strips only).</summary>
    public bool CentreTargets { get; init; }

    /// <summary>Only the dense layer and the classifier learn; the convolutions stay the starting model's.</summary>
    public bool FreezeFeatures { get; init; }

    /// <summary>
    /// Trains a pixel head (<see cref="PixelHead"/>) on the fixed network of <see cref="InitialWeights"/> instead of
    /// the network: strips carry pixel targets, and the export is that network with the head's outputs beside its own.
    /// </summary>
    public bool PixelHead { get; init; }

    /// <summary>
    /// With <see cref="PixelHead"/>: the network's convolutions and dense layer learn from the pixel loss as well, so
    /// its window scores change (a research model, to tell what fixed features cost a pixel head).
    /// </summary>
    public bool PixelHeadTrainsNetwork { get; init; }

    public bool Resume { get; init; }

    /// <summary>Weights (a checkpoint file) to start a new run from, with a fresh schedule; ignored on resume.</summary>
    public string? InitialWeights { get; init; }

    public const string DefaultModelVersion = "musicmask-v1";

    public string ModelVersion { get; init; } = DefaultModelVersion;
}
