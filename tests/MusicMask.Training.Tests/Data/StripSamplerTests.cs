using MusicMask.Audio;
using MusicMask.Filters;
using MusicMask.Segmentation;
using MusicMask.Signals;
using MusicMask.Training.Data;
using MusicMask.Transforms;

namespace MusicMask.Training.Tests.Data;

/// <summary>
/// Which windows a strip labels. The "music" here is noise low-passed below 4 kHz with a faint broadband hiss
/// 55 dB under it, as a recording's noise floor: bands from 5.5 kHz up hold only that hiss.
/// </summary>
public sealed class StripSamplerTests : IDisposable
{
    private const int Columns = 4;
    private const int FirstEmptyBand = 4;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"musicmask-sampler-{Guid.NewGuid():N}");
    private readonly StripSampler _sampler;

    public StripSamplerTests()
    {
        Write("music", BandLimitedWithHiss(seed: 1));
        Write("noise", SignalGenerator.WhiteNoise(5 * 44_100, seed: 2));
        Write("speech", SignalGenerator.WhiteNoise(5 * 44_100, seed: 3));
        _sampler = new StripSampler(new AudioLibrary(_folder), Columns);
    }

    [Fact]
    public void MusicLabelsItsBandsAndLeavesTheEmptyUpperBandsUnlabelled()
    {
        var random = new Random(4);
        for (var i = 0; i < 10; i++)
        {
            var strip = _sampler.Next(random, StripKind.Music);

            Assert.All(Band(strip, 0), t => Assert.Equal(StripSampler.MusicClass, t));
            Assert.All(Bands(strip, FirstEmptyBand), t => Assert.Equal(StripSampler.Ignore, t));
        }
    }

    [Theory]
    [InlineData(StripSampler.DefaultInaudibleMusicDecibels, StripSampler.MusicClass)]
    [InlineData(5, StripSampler.Ignore)]
    public void MixtureWindowsWhereTheMusicIsInaudibleAreNotCalledMusic(double inaudibleDecibels, long lowBandTarget)
    {
        var sampler = new StripSampler(new AudioLibrary(_folder), Columns) { InaudibleMusicDecibels = inaudibleDecibels };
        var random = new Random(5);
        for (var i = 0; i < 10; i++)
        {
            // -15 dB overall is about -9 dB in the 0-5.5 kHz band, where all the music is: labelled music there when
            // music down to 20 dB under the noise counts, left out when only music down to 5 dB under it does.
            var strip = sampler.Next(random, StripKind.Mixture, snr: -15);

            Assert.All(Band(strip, 0), t => Assert.Equal(lowBandTarget, t));
            Assert.All(Bands(strip, FirstEmptyBand), t => Assert.Equal(StripSampler.Ignore, t));
        }
    }

    [Fact]
    public void CentreTargetsCallAMixtureWindowMusicOnlyWhereTheMusicOutweighsTheNoiseInItsCentralCells()
    {
        // At normal speed only: played 1.2x faster, the music would reach 4.8 kHz.
        var sampler = new StripSampler(new AudioLibrary(_folder), Columns) { CentreTargets = true, SpeedChange = 0 };
        var random = new Random(13);
        var noiseWindows = 0;
        for (var i = 0; i < 10; i++)
        {
            // At +10 dB the music, all under 4 kHz, outweighs the noise in band 0's central cells (1.4-4.1 kHz). Band
            // 2's window (2.8-8.3 kHz) holds music, its centre (4.1-6.9 kHz) only noise; above, only noise sounds.
            // Where the noise was band-limited too, centres under both sources' floor go unlabelled.
            var strip = sampler.Next(random, StripKind.Mixture, snr: 10);

            Assert.All(Band(strip, 0), t => Assert.Equal(StripSampler.MusicClass, t));
            Assert.All(Bands(strip, 2), t => Assert.NotEqual(StripSampler.MusicClass, t));
            noiseWindows += Bands(strip, 2).Count(t => t == StripSampler.NoiseClass);
        }

        Assert.True(noiseWindows > 10 * Columns * (WindowGrid.BandPositions - 2) / 2, $"{noiseWindows} windows from band 2 up labelled noise");
    }

    [Fact]
    public void CentreTargetsLeaveAPureMusicWindowWhoseCentreIsNearSilenceUnlabelled()
    {
        var random = new Random(15);
        var centre = new StripSampler(new AudioLibrary(_folder), Columns) { CentreTargets = true }.Next(random, StripKind.Music);
        var whole = _sampler.Next(new Random(15), StripKind.Music);

        Assert.All(Band(whole, 2), t => Assert.Equal(StripSampler.MusicClass, t));
        Assert.All(Band(centre, 2), t => Assert.Equal(StripSampler.Ignore, t));
        Assert.All(Band(centre, 0), t => Assert.Equal(StripSampler.MusicClass, t));
    }

    [Fact]
    public void CentreTargetsFollowTheSoundInEachWindowsCentralColumns()
    {
        // The music half a second on, half a second off: every window holds some of it, while the centre of a window
        // (its cell columns 7-8, frames 112-143) may fall in a pause. Loud, so no window is taken for silence.
        var folder = Path.Combine(_folder, "gated");
        Write("music", BandLimitedWithHiss(seed: 1).Select((x, i) => i / 22_050 % 2 == 0 ? x : 0f).ToArray(), folder);
        Write("noise", SignalGenerator.WhiteNoise(44_100, seed: 2), folder);
        var sampler = new StripSampler(new AudioLibrary(folder), Columns) { CentreTargets = true, SpeedChange = 0, MusicLayering = 0, LevelDbfs = (-10, -10) };
        var random = new Random(16);
        var (music, unlabelled) = (0, 0);
        for (var i = 0; i < 20; i++)
        {
            var strip = sampler.Next(random, StripKind.Music);
            for (var column = 0; column < Columns; column++)
            {
                var centre = Enumerable.Range(column * WindowGrid.Stride + 7 * WindowGrid.Stride, 2 * WindowGrid.Stride).ToArray();
                var loudFrames = centre.Count(t => strip.Decibels[23 * sampler.Width + t] > SpectrogramParameters.SilenceDecibels + 40);
                var silent = centre.All(t => Enumerable.Range(16, 32).All(b => strip.Decibels[b * sampler.Width + t] == SpectrogramParameters.SilenceDecibels));
                if (silent)
                {
                    Assert.Equal(StripSampler.Ignore, strip.Targets[column]);
                    unlabelled++;
                }
                else if (loudFrames >= 4)
                {
                    Assert.Equal(StripSampler.MusicClass, strip.Targets[column]);
                    music++;
                }
            }
        }

        Assert.True(music > 10 && unlabelled > 10, $"{music} windows with a sounding centre, {unlabelled} with a silent one");
    }

    [Theory]
    [InlineData(false, false, 40, 79)]
    [InlineData(true, false, 80, 120)]
    [InlineData(false, true, 80, 120)]
    public void CentreOrPixelTargetsMakeHalfTheStripsMixtures(bool centre, bool pixels, int least, int most)
    {
        var sampler = new StripSampler(new AudioLibrary(_folder), Columns) { CentreTargets = centre, PixelTargets = pixels };
        var random = new Random(14);

        Assert.InRange(Enumerable.Range(0, 200).Count(_ => sampler.Next(random).Kind == StripKind.Mixture), least, most);
    }

    [Fact]
    public void PixelTargetsGiveTheMusicsShareOfEveryPixelLowWhereOnlyTheNoiseSounds()
    {
        var sampler = new StripSampler(new AudioLibrary(_folder), Columns) { PixelTargets = true, SpeedChange = 0, MusicLayering = 0 };
        var random = new Random(16);

        var music = sampler.Next(random, StripKind.Music).Pixels!;
        var noise = sampler.Next(random, StripKind.Noise).Pixels!;
        var mixture = sampler.Next(random, StripKind.Mixture, snr: 10);

        Assert.All(music.MusicShare, share => Assert.Equal(1f, share));
        Assert.All(noise.MusicShare, share => Assert.Equal(0f, share));
        Assert.Null(_sampler.Next(random).Pixels);
        // The music lies under 4 kHz (bin 46); over 8 kHz (bin 186 up) only the noise and the music's faint hiss sound.
        var width = sampler.Width;
        var (low, high) = (Mean(mixture.Pixels!.MusicShare, 5, 40, width), Mean(mixture.Pixels!.MusicShare, 186, 255, width));
        Assert.True(low > 0.7 && high < 0.1, $"music's share {low:F2} under 4 kHz, {high:F2} over 8 kHz");
    }

    private static double Mean(float[] values, int firstBin, int lastBin, int width) =>
        Enumerable.Range(firstBin, lastBin - firstBin + 1).SelectMany(bin => values.Skip(bin * width).Take(width)).Average(v => (double)v);

    [Fact]
    public void NoiseIsNeverLabelledMusic()
    {
        var random = new Random(6);
        for (var i = 0; i < 10; i++)
        {
            var strip = _sampler.Next(random, StripKind.Noise);

            Assert.DoesNotContain(StripSampler.MusicClass, strip.Targets);
            Assert.All(Band(strip, 0), t => Assert.Equal(StripSampler.NoiseClass, t));
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void MachineHumAndSteadyToneNoiseStripsAreLinesLabelledNoiseOnlyWhenAsked(bool steadyTones)
    {
        // The recorded noise here is white and the coloured noise smooth, so their rows have no lines; a steady
        // hum's harmonics, or a steady tone's sines, stand out from the rows four bins either side.
        double LineProminence(StripSampler sampler, Random random)
        {
            var strip = sampler.Next(random, StripKind.Noise);
            Assert.DoesNotContain(StripSampler.MusicClass, strip.Targets);
            var rows = Enumerable.Range(0, SpectrogramParameters.Bins).Select(bin => RowMean(strip, bin, sampler.Width)).ToArray();
            return Enumerable.Range(4, rows.Length - 8).Max(bin => rows[bin] - Math.Max(rows[bin - 4], rows[bin + 4]));
        }

        var plain = new StripSampler(new AudioLibrary(_folder), Columns) { SpeedChange = 0 };
        var synthetic = new StripSampler(new AudioLibrary(_folder), Columns) { SpeedChange = 0, MachineHum = steadyTones ? 0 : 1, SteadyTones = steadyTones ? 1 : 0 };
        var random = new Random(13);
        var plainLines = Enumerable.Range(0, 20).Select(_ => LineProminence(plain, random)).ToArray();
        var syntheticLines = Enumerable.Range(0, 20).Select(_ => LineProminence(synthetic, random)).ToArray();

        Assert.True(plainLines.Max() < 6, $"a noise strip has a line {plainLines.Max():F1} dB over its neighbours");
        // Not every one shows lines in the strip's mean: a drifting hum smears them, under ~170 Hz a hum's
        // harmonics lie closer than two bins, and the four rows at either edge are not searched.
        Assert.True(syntheticLines.Count(line => line > 10) >= 5, $"synthetic strips' strongest lines: {string.Join(", ", syntheticLines.Select(l => l.ToString("F1")))} dB");
    }

    [Fact]
    public void SyntheticMusicStripsAreMovingHarmonicLinesLabelledMusicOnlyWhenAsked()
    {
        // The strongest line of each cell column's mean spectrum (16 frames, 46 ms: about one note) over the rows
        // four bins either side, and the bin it lies at; the test's music is low-passed noise, with no lines.
        (double Prominence, int Bins) Lines(StripSampler sampler, Random random)
        {
            var strip = sampler.Next(random, StripKind.Music);
            Assert.DoesNotContain(StripSampler.NoiseClass, strip.Targets);
            var peaks = Enumerable.Range(0, sampler.Width / 16).Select(cell =>
            {
                var rows = Enumerable.Range(0, SpectrogramParameters.Bins)
                    .Select(bin => strip.Decibels.AsSpan(bin * sampler.Width + 16 * cell, 16).ToArray().Average()).ToArray();
                return Enumerable.Range(4, rows.Length - 8).Select(bin => (Line: rows[bin] - Math.Max(rows[bin - 4], rows[bin + 4]), Bin: bin)).MaxBy(p => p.Line);
            }).ToArray();
            return (peaks.Average(p => p.Line), peaks.Where(p => p.Line > 10).Select(p => p.Bin).Distinct().Count());
        }

        var plain = new StripSampler(new AudioLibrary(_folder), Columns) { SpeedChange = 0 };
        var melody = new StripSampler(new AudioLibrary(_folder), Columns) { SpeedChange = 0, SyntheticMusic = 1 };
        var random = new Random(14);
        var plainLines = Enumerable.Range(0, 20).Select(_ => Lines(plain, random)).ToArray();
        var melodyLines = Enumerable.Range(0, 20).Select(_ => Lines(melody, random)).ToArray();

        Assert.True(plainLines.All(l => l.Prominence < 10 && l.Bins < 3), $"music strips' lines: {string.Join(", ", plainLines.Select(l => $"{l.Prominence:F1} dB at {l.Bins} bins"))}");
        Assert.True(melodyLines.Count(l => l.Prominence > 10 && l.Bins >= 3) >= 10, $"melody strips' lines: {string.Join(", ", melodyLines.Select(l => $"{l.Prominence:F1} dB at {l.Bins} bins"))}");
    }

    [Fact]
    public void SpeedChangesMovePitchWithinTheRatiosAndOnlyWhenAsked()
    {
        var folder = Path.Combine(_folder, "tone");
        Write("music", SignalGenerator.Sine(5 * 44_100, 44_100, 2_000), folder);
        Write("noise", SignalGenerator.WhiteNoise(5 * 44_100, seed: 9), folder);
        Write("speech", SignalGenerator.WhiteNoise(5 * 44_100, seed: 7), folder);
        var library = new AudioLibrary(folder);
        var random = new Random(8);
        var toneBin = (int)Math.Round(2_000 / SpectrogramParameters.BinHz);

        var steady = new StripSampler(library, Columns) { SpeedChange = 0 };
        var changed = new StripSampler(library, Columns) { SpeedChange = 1 };
        var steadyPeaks = Enumerable.Range(0, 10).Select(_ => PeakBin(steady.Next(random, StripKind.Music), steady.Width)).ToArray();
        var changedPeaks = Enumerable.Range(0, 20).Select(_ => PeakBin(changed.Next(random, StripKind.Music), changed.Width)).ToArray();

        Assert.All(steadyPeaks, p => Assert.Equal(toneBin, p));
        Assert.All(changedPeaks, p => Assert.InRange(p, (int)(toneBin * 0.8) - 1, (int)(toneBin * 1.2) + 1));
        Assert.All(changedPeaks, p => Assert.NotEqual(toneBin, p));
        Assert.True(changedPeaks.Distinct().Count() >= 3, $"peaks at bins {string.Join(", ", changedPeaks)}");
    }

    [Fact]
    public void NoiseLayeringPutsTwoRecordedNoisesInOneStripOnlyWhenAsked()
    {
        var folder = Path.Combine(_folder, "two-noises");
        Write("music", SignalGenerator.Sine(5 * 44_100, 44_100, 440), folder);
        Directory.CreateDirectory(Path.Combine(folder, "noise"));
        WavWriter.Write(Path.Combine(folder, "noise", "low.wav"), SignalGenerator.Sine(5 * 44_100, 44_100, 1_000), 44_100);
        WavWriter.Write(Path.Combine(folder, "noise", "high.wav"), SignalGenerator.Sine(5 * 44_100, 44_100, 6_000), 44_100);
        Write("speech", SignalGenerator.WhiteNoise(5 * 44_100, seed: 7), folder);
        var library = new AudioLibrary(folder);
        int[] tones = [(int)Math.Round(1_000 / SpectrogramParameters.BinHz), (int)Math.Round(6_000 / SpectrogramParameters.BinHz)];

        int BothTones(StripSampler sampler, Random random) => Enumerable.Range(0, 40)
            .Select(_ => sampler.Next(random, StripKind.Noise))
            .Count(strip => tones.All(bin => RowMean(strip, bin, sampler.Width) > LoudestRowMean(strip, sampler.Width) - 30 && IsPeak(strip, bin, sampler.Width)));

        var alone = BothTones(new StripSampler(library, Columns) { NoiseLayering = 0, SpeedChange = 0 }, new Random(3));
        var layered = BothTones(new StripSampler(library, Columns) { NoiseLayering = 1, SpeedChange = 0 }, new Random(3));

        Assert.Equal(0, alone);
        Assert.InRange(layered, 8, 40);
    }

    [Fact]
    public void ReverbFillsTheSilenceBetweenNotesOnlyWhenAskedAndKeepsTheLabels()
    {
        // 50 ms notes every 0.5 s with digital silence between: dry, a strip's median frame is silence; heard in a
        // room, it is the notes' tail.
        var folder = Path.Combine(_folder, "notes");
        var notes = SignalGenerator.Sine(5 * 44_100, 44_100, 2_000).Select((s, i) => i % 22_050 < 2_205 ? s : 0).ToArray();
        Write("music", notes, folder);
        Write("noise", SignalGenerator.WhiteNoise(5 * 44_100, seed: 9), folder);
        Write("speech", SignalGenerator.WhiteNoise(5 * 44_100, seed: 7), folder);
        var library = new AudioLibrary(folder);

        double MedianUnderLoudest(StripSampler sampler, Random random)
        {
            var strip = sampler.Next(random, StripKind.Music);
            Assert.DoesNotContain(StripSampler.NoiseClass, strip.Targets);
            var frames = Enumerable.Range(0, sampler.Width)
                .Select(t => 10 * Math.Log10(Enumerable.Range(0, SpectrogramParameters.Bins).Average(b => Math.Pow(10, strip.Decibels[b * sampler.Width + t] / 10))))
                .Order().ToArray();
            return frames[frames.Length / 2] - frames[^1];
        }

        var dry = new StripSampler(library, Columns) { SpeedChange = 0, MusicLayering = 0 };
        var room = new StripSampler(library, Columns) { SpeedChange = 0, MusicLayering = 0, Reverb = 1 };
        var dryMedians = Enumerable.Range(0, 20).Select(_ => MedianUnderLoudest(dry, new Random(12))).ToArray();
        var roomMedians = Enumerable.Range(0, 20).Select(i => MedianUnderLoudest(room, new Random(12 + i))).ToArray();

        Assert.All(dryMedians, m => Assert.True(m < -40, $"a dry strip's median frame is {m:F1} dB under its loudest"));
        Assert.True(roomMedians.Average() > dryMedians.Average() + 20, $"medians dry {dryMedians.Average():F1} dB, in rooms {roomMedians.Average():F1} dB");
    }

    [Fact]
    public void SpectralMasksHoldBandsAndStretchesAtTheirRowMeanOnlyWhenAskedAndKeepTheLabels()
    {
        var plain = new StripSampler(new AudioLibrary(_folder), Columns);
        var masked = new StripSampler(new AudioLibrary(_folder), Columns) { SpectralMasks = 1 };
        var width = plain.Width;
        for (var seed = 0; seed < 10; seed++)
        {
            var before = plain.Next(new Random(seed), StripKind.Mixture);
            var after = masked.Next(new Random(seed), StripKind.Mixture);
            Assert.Equal(before.Targets, after.Targets);

            var changed = Enumerable.Range(0, before.Decibels.Length).Where(i => before.Decibels[i] != after.Decibels[i]).ToArray();
            Assert.NotEmpty(changed);

            // At most two bands of up to 8 rows and two stretches of up to 24 columns, each changed across the strip.
            // (Floor cells are never held, so a band or stretch is counted by the share of its sounding cells held.)
            var sounding = before.Decibels.Select(d => d > StripSampler.FloorDecibels).ToArray();
            int Sounding(Func<int, bool> inLine) => Enumerable.Range(0, sounding.Length).Count(i => sounding[i] && inLine(i));
            var bands = changed.GroupBy(i => i / width).Where(g => g.Count() > Sounding(i => i / width == g.Key) / 2).Select(g => g.Key).ToHashSet();
            var stretches = changed.GroupBy(i => i % width).Where(g => g.Count() > Sounding(i => i % width == g.Key) / 2).Select(g => g.Key).ToHashSet();
            Assert.InRange(bands.Count, 1, 2 * StripSampler.MaskedBins);
            Assert.InRange(stretches.Count, 1, 2 * StripSampler.MaskedFrames);
            Assert.All(changed, i => Assert.True(bands.Contains(i / width) || stretches.Contains(i % width)));
            foreach (var i in changed)
            {
                var row = before.Decibels.AsSpan(i / width * width, width).ToArray().Where(d => d > StripSampler.FloorDecibels);
                Assert.Equal(row.Average(), after.Decibels[i], 1e-3);
            }

            // The floor stays the floor: held cells are only ones that sounded.
            Assert.All(changed, i => Assert.True(before.Decibels[i] > StripSampler.FloorDecibels));
        }
    }

    [Fact]
    public void StripLevelIsDrawnFromTheGivenRange()
    {
        Strip Drawn(double dbfs) => new StripSampler(new AudioLibrary(_folder), Columns) { LevelDbfs = (dbfs, dbfs) }.Next(new Random(11), StripKind.Music);
        var loud = Drawn(-20);
        var quiet = Drawn(-55);

        // The same draws at two levels: every bin well above the spectrogram's -100 dB floor moves by exactly 35 dB.
        var shifts = loud.Decibels.Zip(quiet.Decibels, (l, q) => (Loud: l, Shift: l - q)).Where(p => p.Loud > -40).Select(p => p.Shift).ToArray();
        Assert.True(shifts.Length > 1_000, $"{shifts.Length} bins above -40 dB");
        Assert.All(shifts, shift => Assert.InRange(shift, 34.9, 35.1));
    }

    [Fact]
    public void CutSilenceIsNoiseWhereItFillsAWindowAndLeavesTheSoundsLabelElsewhere()
    {
        // As wide as the trainer's strips: a window fits in the silence only when it fills half the strip or more.
        const int columns = 16;
        var sampler = new StripSampler(new AudioLibrary(_folder), columns) { SilenceGaps = 1 };
        var random = new Random(12);
        var silentWindows = 0;
        for (var i = 0; i < 20; i++)
        {
            var strip = sampler.Next(random, StripKind.Music);
            Assert.Contains(SpectrogramParameters.SilenceDecibels, strip.Decibels);
            for (var column = 0; column < columns; column++)
            {
                var frames = Enumerable.Range(column * WindowGrid.Stride, WindowGrid.WindowWidth);
                var silent = frames.All(t => strip.Decibels[t] == SpectrogramParameters.SilenceDecibels);
                Assert.Equal(silent ? StripSampler.NoiseClass : StripSampler.MusicClass, strip.Targets[column]);
                silentWindows += silent ? 1 : 0;
            }
        }

        Assert.InRange(silentWindows, 20, 20 * columns / 2);
    }

    private static double RowMean(Strip strip, int bin, int width) => strip.Decibels.AsSpan(bin * width, width).ToArray().Average();

    private static bool IsPeak(Strip strip, int bin, int width) =>
        RowMean(strip, bin, width) > Math.Max(RowMean(strip, bin - 8, width), RowMean(strip, bin + 8, width)) + 15;

    private static double LoudestRowMean(Strip strip, int width) => Enumerable.Range(0, SpectrogramParameters.Bins)
        .Max(b => RowMean(strip, b, width));

    private static int PeakBin(Strip strip, int width) => Enumerable.Range(0, SpectrogramParameters.Bins)
        .MaxBy(b => strip.Decibels.AsSpan(b * width, width).ToArray().Average());

    private static long[] Band(Strip strip, int band) => strip.Targets.AsSpan(band * Columns, Columns).ToArray();

    private static long[] Bands(Strip strip, int from) => strip.Targets[(from * Columns)..];

    private static float[] BandLimitedWithHiss(int seed)
    {
        var noise = SignalGenerator.WhiteNoise(5 * 44_100, seed);
        var low = PolyphaseResampler.Resample(PolyphaseResampler.Resample(noise, 44_100, 8_000), 8_000, 44_100);
        var hiss = SignalGenerator.WhiteNoise(low.Length, seed + 100, level: (float)(SignalGenerator.Rms(low) * Math.Pow(10, -55 / 20.0)));
        return low.Select((s, i) => s + hiss[i]).ToArray();
    }

    private void Write(string name, float[] samples, string? folder = null)
    {
        folder ??= _folder;
        Directory.CreateDirectory(Path.Combine(folder, name));
        WavWriter.Write(Path.Combine(folder, name, $"{name}.wav"), samples, 44_100);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
