using MusicMask.Filters;
using MusicMask.Segmentation;
using MusicMask.Signals;
using MusicMask.Transforms;

namespace MusicMask.Training.Data;

public enum StripKind
{
    Music,
    Noise,
    Mixture,
}

/// <summary>One training example: a 256 x Width dB strip (frequency-major) and a class per window (0 music, 1 noise, -100 ignored).</summary>
public sealed record Strip(float[] Decibels, long[] Targets, StripKind Kind, double Snr)
{
    /// <summary>With <see cref="StripSampler.PixelTargets"/>: each pixel's music share and loss weight (<see cref="PixelTargets"/>).</summary>
    public PixelTargets? Pixels { get; init; }
}

/// <summary>
/// Makes training strips from real recordings: pure music, pure noise (environmental noise, speech babble or
/// both), or music plus noise at a random SNR (labelled music); random overall level, and random band-limiting
/// of either source so an empty top octave cannot tell the classes apart.
/// </summary>
public sealed class StripSampler(AudioLibrary library, int windowColumns)
{
    public const long Ignore = -100;
    public const long MusicClass = 0;
    public const long NoiseClass = 1;
    /// <summary>Windows quieter than this (mean dB) are digital silence and get no label.</summary>
    public const float SilentWindowDecibels = -75f;
    private const double RelativeFloorDecibels = 50;
    private const double AudibleRms = 1e-4;
    private static readonly int[] BandLimitRates = [8_000, 11_025, 16_000, 22_050, 32_000];

    /// <summary>Power over a window's central cells whose mean per pixel is <see cref="SilentWindowDecibels"/>.</summary>
    private static readonly double SilentCentrePower =
        CentreStitch.CentreCells * CentreStitch.CentreCells * WindowGrid.Stride * WindowGrid.Stride * Math.Pow(10, SilentWindowDecibels / 10);

    // Played faster or slower by input:output rate ratios from 0.8 to 1.2: other tempi, keys and voices.
    private static readonly (int Input, int Output)[] SpeedRatios = [(4, 5), (5, 6), (9, 10), (10, 9), (6, 5)];

    public int Width { get; } = WindowGrid.WindowWidth + (windowColumns - 1) * WindowGrid.Stride;

    public int WindowColumns => windowColumns;

    /// <summary>Chance that a recorded excerpt is played at another speed.</summary>
    public double SpeedChange { get; init; } = 0.5;

    /// <summary>Chance that a music excerpt has a second one layered on it (denser music is still music).</summary>
    public double MusicLayering { get; init; } = 0.1;

    /// <summary>
    /// Chance that a recorded noise excerpt has a second one layered on it, -10 to +10 dB: real scenes hold several
    /// sources at once, and 79 minutes of noise make many more scenes in pairs than alone.
    /// </summary>
    public double NoiseLayering { get; init; } = 0.3;

    /// <summary>
    /// Quietest and loudest strip level, dBFS RMS, drawn uniformly per strip: archives hold quiet transfers as well as
    /// loud masters, and level must not say music or noise.
    /// </summary>
    public (double Lowest, double Highest) LevelDbfs { get; init; } = DefaultLevelDbfs;

    public static readonly (double Lowest, double Highest) DefaultLevelDbfs = (-45, -10);

    /// <summary>
    /// Chance that a strip has a stretch of digital silence cut into it: archives hold short clips that end in
    /// silence and pauses between takes, and the step into silence must not read as music.
    /// </summary>
    public double SilenceGaps { get; init; }

    /// <summary>
    /// Chance that a noise strip is a synthetic machine hum (<see cref="MachineHum"/>) over coloured noise: steady
    /// harmonic tones were called music (a 60 Hz sawtooth hum for its whole length), and the recorded noise holds
    /// too few of them.
    /// </summary>
    public double MachineHum { get; init; }

    /// <summary>
    /// Chance that a music source is a synthetic melody (<see cref="SyntheticMelody"/>) over coloured noise, the
    /// counterpart of <see cref="MachineHum"/>: harmonic notes that move are music, one harmonic tone that stays is not.
    /// </summary>
    public double SyntheticMusic { get; init; }

    /// <summary>
    /// Chance that a music source is sung (the split's sung clips): a voice on a melody alone, or in half of them over
    /// an instrumental excerpt 0-15 dB under it. The recorded music is almost all instrumental and the noise holds
    /// talkers, so without it the model learns that a voice means noise.
    /// </summary>
    public double SungMusic { get; init; }

    /// <summary>
    /// Chance that a noise strip that is not a <see cref="MachineHum"/> is a synthetic steady tone
    /// (<see cref="SteadyTone"/>) over coloured noise: pure sines that hold their pitch (line-up tones, whistles,
    /// whines) were called music for half their length.
    /// </summary>
    public double SteadyTones { get; init; }

    /// <summary>
    /// Chance that a speech strip (the babble drawn into noise) is one talker instead of 4-8: with babble alone, a
    /// single voice, whose pitch moves like a melody, was never shown as noise.
    /// </summary>
    public double SingleVoices { get; init; }

    /// <summary>
    /// Chance that a music or noise source is heard in a synthetic room (<see cref="RoomReverb"/>), each source in
    /// its own: the recordings are dry, and the same reverberation on both classes cannot tell them apart.
    /// </summary>
    public double Reverb { get; init; }

    /// <summary>
    /// Chance that a strip has two bands of up to <see cref="MaskedBins"/> bins and two stretches of up to
    /// <see cref="MaskedFrames"/> frames held at their rows' mean over the strip (SpecAugment's masks, filled with
    /// the strip's own spectrum rather than a constant the zero-sum first layer would not see): the detail of one
    /// narrow band or one short moment must not decide a window. Labels are kept.
    /// </summary>
    public double SpectralMasks { get; init; }

    /// <summary>Cells at or under this are the spectrogram's floor (digital silence, a band-limited recording's empty top): tilts and masks leave them there.</summary>
    public const float FloorDecibels = SpectrogramParameters.SilenceDecibels + 1;

    /// <summary>Widest band a spectral mask holds, in bins (690 Hz, a ninth of a window's height).</summary>
    public const int MaskedBins = 8;

    /// <summary>Longest stretch a spectral mask holds, in frames (70 ms, a tenth of a window's width).</summary>
    public const int MaskedFrames = 24;

    /// <summary>
    /// How far below the noise, in a mixture window, the music may lie and still be labelled music; deeper, the
    /// window is left unlabelled. Lower asks less of the model at low SNRs and keeps noise-like windows from being
    /// called music.
    /// </summary>
    public double InaudibleMusicDecibels { get; init; } = DefaultInaudibleMusicDecibels;

    public const double DefaultInaudibleMusicDecibels = 20;

    /// <summary>
    /// Labels each window by what is audible in its central 2x2 cells instead of by what was mixed in
    /// (<see cref="CentreLabels"/>: the ideal binary mask of those cells); half the strips are then mixtures. A network
    /// trained so reports the centre of each window, so a cell's value can come from the few windows centred on it
    /// (<see cref="CentreStitch"/>) rather than the 64 that cover it.
    /// </summary>
    public bool CentreTargets { get; init; }

    /// <summary>
    /// Also gives every strip its pixel targets (<see cref="Data.PixelTargets"/>): the music's share of each pixel's
    /// power, from the music and the noise heard apart; half the strips are then mixtures.
    /// </summary>
    public bool PixelTargets { get; init; }

    private int SampleCount => (Width - 1) * SpectrogramParameters.Hop + SpectrogramParameters.FftSize;

    public Strip Next(Random random, StripKind? kind = null, double? snr = null)
    {
        kind ??= DrawKind(random);
        float[] signal;
        float[]? music = null;
        float[]? noise = null;
        var mixtureSnr = double.NaN;
        switch (kind)
        {
            case StripKind.Music:
                signal = Music(random);
                break;
            case StripKind.Noise:
                signal = Noise(random);
                break;
            default:
                mixtureSnr = snr ?? -15 + 35 * random.NextDouble();
                music = Music(random);
                noise = SignalGenerator.ScaleToSnr(music, Noise(random), mixtureSnr);
                signal = SignalGenerator.Sum(music, noise);
                break;
        }

        var level = LevelDbfs.Lowest + (LevelDbfs.Highest - LevelDbfs.Lowest) * random.NextDouble();
        var gain = Math.Pow(10, level / 20) / Math.Max(1e-9, SignalGenerator.Rms(signal));
        Scale(signal, gain);
        var decibels = Spectrogram(signal);
        var targets = Targets(decibels, kind == StripKind.Noise ? NoiseClass : MusicClass);
        if (music is not null && noise is not null)
        {
            Scale(music, gain);
            Scale(noise, gain);
        }

        // Each source heard apart, once, for whichever labels need it: a pure strip's one source is the strip.
        var musicDecibels = kind == StripKind.Noise ? null : music is null ? decibels : Spectrogram(music);
        var noiseDecibels = kind == StripKind.Music ? null : noise is null ? decibels : Spectrogram(noise);
        var pixels = PixelTargets ? Data.PixelTargets.From(musicDecibels, noiseDecibels) : null;
        if (CentreTargets)
        {
            var musicCentres = musicDecibels is null ? null : CentrePowers(musicDecibels);
            var noiseCentres = noiseDecibels is null ? null : CentrePowers(noiseDecibels);
            CentreLabels.Apply(targets, musicCentres, noiseCentres, RelativeFloorDecibels, SilentCentrePower);
        }
        else if (kind == StripKind.Mixture)
        {
            IgnoreWhereMusicIsInaudible(targets, musicDecibels!, noiseDecibels!);
        }

        // Drawn only when asked for, so runs without gaps see the same strips for a seed as before the option.
        if (SilenceGaps > 0 && random.NextDouble() < SilenceGaps)
        {
            decibels = CutSilence(signal, targets, random);
        }

        Equalise(decibels, random);

        // Drawn only when asked for, as the gaps above.
        if (SpectralMasks > 0 && random.NextDouble() < SpectralMasks)
        {
            Mask(decibels, random);
        }

        return new Strip(decibels, targets, kind.Value, mixtureSnr) { Pixels = pixels };
    }

    /// <summary>Music, noise or a mixture: 30/40/30, or 20/30/50 with <see cref="CentreTargets"/> or <see cref="PixelTargets"/>, where mixtures teach the most.</summary>
    private StripKind DrawKind(Random random)
    {
        var (musicBelow, noiseBelow) = CentreTargets || PixelTargets ? (0.2, 0.5) : (0.3, 0.7);
        var draw = random.NextDouble();
        return draw < musicBelow ? StripKind.Music : draw < noiseBelow ? StripKind.Noise : StripKind.Mixture;
    }

    /// <summary>
    /// Zeroes a random stretch of the signal (its start, its end or a pause inside, 10-90 % of it) and returns the
    /// new spectrogram. Windows that still hold some of the sound keep the label the sound gave them; windows wholly
    /// inside the silence become noise, as digital silence holds no music.
    /// </summary>
    private float[] CutSilence(float[] signal, long[] targets, Random random)
    {
        var length = (int)(signal.Length * (0.1 + 0.8 * random.NextDouble()));
        var start = random.Next(3) switch { 0 => 0, 1 => signal.Length - length, _ => random.Next(signal.Length - length + 1) };
        Array.Clear(signal, start, length);
        for (var column = 0; column < windowColumns; column++)
        {
            var first = column * WindowGrid.Stride * SpectrogramParameters.Hop;
            if (first >= start && first + WindowGrid.WindowSamples <= start + length)
            {
                for (var band = 0; band < WindowGrid.BandPositions; band++)
                {
                    targets[band * windowColumns + column] = NoiseClass;
                }
            }
        }

        return Spectrogram(signal);
    }

    private float[] Music(Random random)
    {
        var music = SyntheticMusic > 0 && random.NextDouble() < SyntheticMusic
            ? OverColouredNoise(SyntheticMelody.Draw(random).Render, random)
            : SungMusic > 0 && random.NextDouble() < SungMusic
                ? Sung(random)
                : LayeredExcerpt("music", MusicLayering, 0, 10, random);
        return AsRecorded(music, random);
    }

    private float[] Sung(Random random)
    {
        var voice = Excerpt("sung", random);
        return random.NextDouble() < 0.5 ? SignalGenerator.Mix(voice, Excerpt("music", random), 15 * random.NextDouble()) : voice;
    }

    private float[] Noise(Random random)
    {
        if (MachineHum > 0 && random.NextDouble() < MachineHum)
        {
            return AsRecorded(OverColouredNoise(Data.MachineHum.Draw(random).Render, random), random);
        }

        if (SteadyTones > 0 && random.NextDouble() < SteadyTones)
        {
            return AsRecorded(OverColouredNoise(SteadyTone.Draw(random).Render, random), random);
        }

        var choice = random.NextDouble();
        var noise = choice switch { < 0.1 => ColouredNoise(random), < 0.3 => Babble(random), _ => LayeredExcerpt("noise", NoiseLayering, -10, 10, random) };
        if (choice > 0.85)
        {
            noise = SignalGenerator.Mix(noise, Babble(random), -5 + 15 * random.NextDouble());
        }

        return AsRecorded(noise, random);
    }

    /// <summary>
    /// A recorded excerpt of the class; with the given chance, a second one of the same class layered on it, the first
    /// louder than the second by <paramref name="lowestDb"/> to <paramref name="highestDb"/> (a silent excerpt stays
    /// silent: the layer is scaled against it).
    /// </summary>
    private float[] LayeredExcerpt(string name, double chance, double lowestDb, double highestDb, Random random)
    {
        var excerpt = Excerpt(name, random);
        if (random.NextDouble() < chance)
        {
            var layer = Excerpt(name, random);
            if (SignalGenerator.Rms(layer) > AudibleRms)
            {
                excerpt = SignalGenerator.Mix(excerpt, layer, lowestDb + (highestDb - lowestDb) * random.NextDouble());
            }
        }

        return excerpt;
    }

    /// <summary>
    /// Gaussian noise through a one-pole low-pass of random pole (white to nearly brown): the hiss, hum-free rumble
    /// and air-conditioning of real recordings, which the recorded noise clips hold too little of.
    /// </summary>
    private float[] ColouredNoise(Random random) =>
        Array.ConvertAll(SignalGenerator.LowPassedGaussian(SampleCount, 0.98 * random.NextDouble(), random), x => (float)x);

    /// <summary>
    /// A synthetic tone (rendered as render(samples, sampleRate, random)) as it reaches a microphone: over coloured
    /// noise 0 to 40 dB down in seven of ten.
    /// </summary>
    private float[] OverColouredNoise(Func<int, int, Random, float[]> render, Random random)
    {
        var tone = render(SampleCount, SpectrogramParameters.SampleRate, random);
        return random.NextDouble() < 0.7 ? SignalGenerator.Mix(tone, ColouredNoise(random), 40 * random.NextDouble()) : tone;
    }

    private float[] Babble(Random random)
    {
        var talkers = SingleVoices > 0 && random.NextDouble() < SingleVoices ? 1 : random.Next(4, 9);
        var sum = new float[SampleCount];
        for (var t = 0; t < talkers; t++)
        {
            var voice = Excerpt("speech", random);
            var gain = (float)(Math.Pow(10, (-6 + 6 * random.NextDouble()) / 20) / Math.Max(1e-9, SignalGenerator.Rms(voice)));
            for (var i = 0; i < sum.Length; i++)
            {
                sum[i] += voice[i] * gain;
            }
        }

        return sum;
    }

    /// <summary>A random excerpt that is not digital silence (files have silent gaps; a silent source teaches nothing).</summary>
    private float[] Excerpt(string name, Random random)
    {
        var speed = random.NextDouble() < SpeedChange ? SpeedRatios[random.Next(SpeedRatios.Length)] : (Input: 1, Output: 1);
        var excerpt = new float[(int)(((long)SampleCount * speed.Input + speed.Output - 1) / speed.Output)];
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var clip = library.Draw(name, random);
            clip.Read(random.NextInt64(clip.Length), excerpt);
            if (SignalGenerator.Rms(excerpt) > AudibleRms)
            {
                break;
            }
        }

        // Read at one rate, played at another: Input/Output times faster, and as much higher.
        var played = speed.Input == speed.Output ? excerpt : PolyphaseResampler.Resample(excerpt, speed.Input, speed.Output);
        Array.Resize(ref played, SampleCount);
        return played;
    }

    /// <summary>A source as it reaches the spectrogram: perhaps through a room, then perhaps through a band-limited chain.</summary>
    private float[] AsRecorded(float[] source, Random random) => MaybeBandLimit(MaybeReverberate(source, random), random);

    /// <summary>Drawn only when asked for, so runs without reverberation see the same strips for a seed as before.</summary>
    private float[] MaybeReverberate(float[] signal, Random random) =>
        Reverb > 0 && random.NextDouble() < Reverb ? RoomReverb.Draw(random).Apply(signal, SpectrogramParameters.SampleRate, random) : signal;

    private float[] MaybeBandLimit(float[] signal, Random random)
    {
        if (random.NextDouble() >= 0.3)
        {
            return signal;
        }

        var rate = BandLimitRates[random.Next(BandLimitRates.Length)];
        var down = PolyphaseResampler.Resample(signal, SpectrogramParameters.SampleRate, rate);
        var up = PolyphaseResampler.Resample(down, rate, SpectrogramParameters.SampleRate);
        Array.Resize(ref up, signal.Length);
        return up;
    }

    /// <summary>The strip's spectrogram through the same STFT the pipeline uses, frequency-major [256, Width].</summary>
    private float[] Spectrogram(float[] signal) => StftFramer.FrequencyMajor(signal, Width);

    /// <summary>
    /// The class of every window, except windows that carry no evidence: digital silence, and windows more than
    /// <see cref="RelativeFloorDecibels"/> below the strip's loudest (the empty top band of a low-passed recording
    /// is neither music nor noise, and labelling it either way teaches the model to read band limits).
    /// </summary>
    private long[] Targets(float[] decibels, long label)
    {
        var meanDecibels = WindowMeans(decibels, d => d);
        var power = WindowMeans(decibels, d => Math.Pow(10, d / 10));
        var loudest = power.Max();
        var targets = new long[power.Length];
        for (var i = 0; i < targets.Length; i++)
        {
            var tooQuiet = meanDecibels[i] < SilentWindowDecibels || power[i] < loudest * Math.Pow(10, -RelativeFloorDecibels / 10);
            targets[i] = tooQuiet ? Ignore : label;
        }

        return targets;
    }

    /// <summary>
    /// In a mixture, a window where the music is more than <see cref="InaudibleMusicDecibels"/> below the noise is
    /// noise to any listener; it is left unlabelled rather than called music.
    /// </summary>
    private void IgnoreWhereMusicIsInaudible(long[] targets, float[] musicDecibels, float[] noiseDecibels)
    {
        var musicPower = WindowMeans(musicDecibels, d => Math.Pow(10, d / 10));
        var noisePower = WindowMeans(noiseDecibels, d => Math.Pow(10, d / 10));
        for (var i = 0; i < targets.Length; i++)
        {
            if (musicPower[i] < noisePower[i] * Math.Pow(10, -InaudibleMusicDecibels / 10))
            {
                targets[i] = Ignore;
            }
        }
    }

    /// <summary>Power summed over every window's central cells, band-major [13, WindowColumns].</summary>
    private double[] CentrePowers(float[] decibels) => WindowSums(
        CellSums(decibels, d => Math.Pow(10, d / 10)),
        (CentreStitch.RowOffset, CentreStitch.CentreCells),
        (CentreStitch.ColumnOffset, CentreStitch.CentreCells));

    /// <summary>The sum of f(dB) over every 16x16 cell, [16, Width / 16].</summary>
    private double[] CellSums(float[] decibels, Func<double, double> f)
    {
        var cellColumns = Width / WindowGrid.Stride;
        var cells = new double[WindowGrid.CellRows * cellColumns];
        for (var b = 0; b < SpectrogramParameters.Bins; b++)
        {
            for (var t = 0; t < Width; t++)
            {
                cells[b / WindowGrid.Stride * cellColumns + t / WindowGrid.Stride] += f(decibels[b * Width + t]);
            }
        }

        return cells;
    }

    /// <summary>
    /// The sum over a block of each window's cells (rows and columns counted from its first cell), band-major
    /// [13, WindowColumns].
    /// </summary>
    private double[] WindowSums(double[] cells, (int First, int Count) rows, (int First, int Count) columns)
    {
        var cellColumns = Width / WindowGrid.Stride;
        var sums = new double[WindowGrid.BandPositions * windowColumns];
        for (var band = 0; band < WindowGrid.BandPositions; band++)
        {
            for (var column = 0; column < windowColumns; column++)
            {
                double sum = 0;
                for (var r = band + rows.First; r < band + rows.First + rows.Count; r++)
                {
                    for (var c = column + columns.First; c < column + columns.First + columns.Count; c++)
                    {
                        sum += cells[r * cellColumns + c];
                    }
                }

                sums[band * windowColumns + column] = sum;
            }
        }

        return sums;
    }

    /// <summary>The mean of f(dB) over every window, band-major [13, WindowColumns].</summary>
    private double[] WindowMeans(float[] decibels, Func<double, double> f) =>
        Array.ConvertAll(
            WindowSums(CellSums(decibels, f), (0, WindowGrid.CellsPerWindowRow), (0, WindowGrid.CellsPerWindowColumn)),
            sum => sum / (WindowGrid.WindowHeight * WindowGrid.WindowWidth));

    /// <summary>
    /// Half the strips get a random spectral tilt (±3 dB per octave about 2 kHz), as a different microphone,
    /// room or mastering chain would give, so the model cannot key on one recording chain's spectral balance.
    /// </summary>
    private static void Equalise(float[] decibels, Random random)
    {
        if (random.NextDouble() >= 0.5)
        {
            return;
        }

        var slope = -3 + 6 * random.NextDouble();
        var width = decibels.Length / SpectrogramParameters.Bins;
        for (var b = 0; b < SpectrogramParameters.Bins; b++)
        {
            var shift = (float)(slope * Math.Log2(Math.Max(1, b) * SpectrogramParameters.BinHz / 2000));
            var row = decibels.AsSpan(b * width, width);
            for (var t = 0; t < row.Length; t++)
            {
                if (row[t] > FloorDecibels)
                {
                    row[t] += shift;
                }
            }
        }
    }

    private static void Mask(float[] decibels, Random random)
    {
        // Floor cells do not pull a row's mean down to a level the strip never has.
        var width = decibels.Length / SpectrogramParameters.Bins;
        var means = new float[SpectrogramParameters.Bins];
        for (var b = 0; b < means.Length; b++)
        {
            var (sum, count) = (0.0, 0);
            foreach (var value in decibels.AsSpan(b * width, width))
            {
                if (value > FloorDecibels)
                {
                    (sum, count) = (sum + value, count + 1);
                }
            }

            means[b] = count == 0 ? float.NaN : (float)(sum / count);
        }

        void Hold(int bin, int first, int frames)
        {
            var cells = decibels.AsSpan(bin * width + first, frames);
            for (var t = 0; t < cells.Length; t++)
            {
                if (cells[t] > FloorDecibels)
                {
                    cells[t] = means[bin];
                }
            }
        }

        for (var band = 0; band < 2; band++)
        {
            var bins = random.Next(1, MaskedBins + 1);
            var first = random.Next(0, SpectrogramParameters.Bins - bins + 1);
            for (var b = first; b < first + bins; b++)
            {
                Hold(b, 0, width);
            }
        }

        for (var stretch = 0; stretch < 2; stretch++)
        {
            var frames = random.Next(1, MaskedFrames + 1);
            var first = random.Next(0, width - frames + 1);
            for (var b = 0; b < SpectrogramParameters.Bins; b++)
            {
                Hold(b, first, frames);
            }
        }
    }

    private static void Scale(float[] signal, double gain)
    {
        for (var i = 0; i < signal.Length; i++)
        {
            signal[i] = (float)(signal[i] * gain);
        }
    }
}
