using System.Diagnostics;
using MusicMask.Audio;
using MusicMask.Filters;
using MusicMask.Outputs;
using MusicMask.Segmentation;
using MusicMask.Transforms;

namespace MusicMask.Embedded;

/// <summary>What streaming an audio source into tiles found out about it.</summary>
public sealed record TilingSummary(WindowGrid Grid, long InputSamples, int InputRate, int Channels, string Format, Truncation? Truncation = null)
{
    public double DurationSeconds => (double)InputSamples / InputRate;
}

/// <summary>
/// The ingest half of the signal path: decode -> mono -> resample to 44.1 kHz -> STFT -> tiles, in bounded
/// memory (one block of audio and one tile of frames at a time). Each tile is handed on as soon as it is complete;
/// without <c>onTile</c> no frame tiles are made, and <c>onSignal</c> sees the 44.1 kHz signal instead.
/// </summary>
public static class SpectrogramTiler
{
    private const int BlockSamples = 1 << 15;

    public static TilingSummary Run(
        IAudioSource source,
        Action<SpectrogramTile>? onTile,
        SpectrogramPreview? preview = null,
        StageClock? clock = null,
        Action<long>? onSamples = null,
        int windowsPerTile = WindowGrid.DefaultWindowsPerTile,
        Action<ReadOnlySpan<float>>? onSignal = null,
        CancellationToken cancellationToken = default)
    {
        clock ??= new StageClock();
        long handOffTicks = 0;
        var assembler = onTile is null ? null : new TileAssembler(
            tile =>
            {
                var start = Stopwatch.GetTimestamp();
                onTile(tile);
                handOffTicks += Stopwatch.GetTimestamp() - start;
            },
            windowsPerTile);
        var framer = new StftFramer(frame =>
        {
            preview?.AddFrame(frame);
            assembler?.AddFrame(frame);
        });
        var resampler = source.SampleRate == SpectrogramParameters.SampleRate ? null : new PolyphaseResampler(source.SampleRate, SpectrogramParameters.SampleRate);
        var block = new float[BlockSamples];
        long inputSamples = 0;
        long stftTicks = 0;
        long handOffSeen = 0;
        void Analyse(ReadOnlySpan<float> samples)
        {
            var start = Stopwatch.GetTimestamp();
            framer.Process(samples);
            if (onSignal is not null)
            {
                var handOffStart = Stopwatch.GetTimestamp();
                onSignal(samples);
                handOffTicks += Stopwatch.GetTimestamp() - handOffStart;
            }

            var handOff = handOffTicks - handOffSeen;
            handOffSeen = handOffTicks;
            stftTicks += Stopwatch.GetTimestamp() - start - handOff;
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = clock.Time(Stages.Decode, () => source.Read(block));
            if (read == 0)
            {
                break;
            }

            inputSamples += read;
            onSamples?.Invoke(inputSamples);
            if (resampler is null)
            {
                Analyse(block.AsSpan(0, read));
                clock.Add(Stages.Stft, stftTicks);
                stftTicks = 0;
            }
            else
            {
                var start = Stopwatch.GetTimestamp();
                var handOffBefore = handOffTicks;
                resampler.Process(block.AsSpan(0, read), Analyse);
                clock.Add(Stages.Resample, Stopwatch.GetTimestamp() - start - stftTicks - (handOffTicks - handOffBefore));
                clock.Add(Stages.Stft, stftTicks);
                stftTicks = 0;
            }
        }

        if (inputSamples == 0)
        {
            throw new AudioFormatException("the file contains no audio samples");
        }

        resampler?.Flush(Analyse);
        var flushStart = Stopwatch.GetTimestamp();
        framer.Flush();
        preview?.Complete();
        var grid = assembler?.Complete() ?? new WindowGrid(framer.Frames, windowsPerTile);
        var flushHandOff = handOffTicks - handOffSeen;
        clock.Add(Stages.Stft, stftTicks + Stopwatch.GetTimestamp() - flushStart - flushHandOff);
        return new TilingSummary(grid, inputSamples, source.SampleRate, source.Channels, source.Format, source.Truncation);
    }
}
