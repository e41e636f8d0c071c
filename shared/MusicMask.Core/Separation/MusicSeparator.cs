using System.Numerics.Tensors;
using System.Runtime.ExceptionServices;
using MusicMask.Transforms;

namespace MusicMask.Separation;

/// <summary>
/// Splits a 44.1 kHz mono signal in two with a soft mask: the music is the masked resynthesis, the remainder is the
/// input minus the music, which is exactly the resynthesis under the complementary mask because the analysis and
/// resynthesis reproduce the input (<see cref="MaskedStft"/>).
/// </summary>
public static class MusicSeparator
{
    /// <summary>Samples per stretch that one thread separates at a time (about 3 s).</summary>
    public const int StretchSamples = 1 << 17;

    private const int Hop = SpectrogramParameters.Hop;

    /// <summary>The music part of a signal held in memory.</summary>
    public static float[] Music(ReadOnlySpan<float> signal, ISpectralMask mask)
    {
        var music = new float[signal.Length];
        var stft = new MaskedStft(mask, (start, _, masked) => masked.CopyTo(music.AsSpan((int)start)));
        stft.Process(signal);
        stft.Flush();
        return music;
    }

    /// <summary>
    /// Separates a signal of <paramref name="length"/> samples that <paramref name="readAt"/> gives from any
    /// position (filling the span, fewer samples only at the end), in stretches of <see cref="StretchSamples"/> on
    /// up to <paramref name="threads"/> threads, each stretch read with enough signal either side for every frame
    /// and context that reaches into it, so the result is the same as one pass over the whole signal.
    /// <paramref name="onBlock"/> gets the music and the remainder, in order, on the calling thread, while the
    /// threads separate the next round of stretches: writing the results costs no separation time.
    /// </summary>
    public static void Separate(
        long length,
        Func<long, Span<float>, int> readAt,
        Func<ISpectralMask> createMask,
        int threads,
        Action<ReadOnlySpan<float>, ReadOnlySpan<float>> onBlock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        threads = Math.Max(1, threads);
        var stretches = (int)((length + StretchSamples - 1) / StretchSamples);
        var rounds = new[] { NewRound(), NewRound() };
        Task? separating = null;
        var (ready, readyCount) = (rounds[0], 0);
        try
        {
            for (var first = 0; first < stretches; first += threads)
            {
                var (round, start, count) = (rounds[first / threads % 2], first, Math.Min(threads, stretches - first));
                separating = Task.Run(() => Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = threads }, i => round[i].Separate((long)(start + i) * StretchSamples, length, readAt)));
                Deliver(ready, readyCount);
                Wait(separating);
                (ready, readyCount) = (round, count);
            }
        }
        finally
        {
            // A failed delivery must not leave a round reading the signal after the caller has let it go.
            separating?.ContinueWith(round => _ = round.Exception, TaskScheduler.Default).Wait();
        }

        Deliver(ready, readyCount);

        Stretch[] NewRound() => Enumerable.Range(0, threads).Select(_ => new Stretch(createMask())).ToArray();

        void Deliver(Stretch[] round, int count)
        {
            for (var i = 0; i < count; i++)
            {
                onBlock(round[i].Music.AsSpan(0, round[i].Length), round[i].Remainder.AsSpan(0, round[i].Length));
            }
        }
    }

    private static void Wait(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException errors)
        {
            ExceptionDispatchInfo.Capture(errors.Flatten().InnerExceptions[0]).Throw();
        }
    }

    /// <summary>One thread's stretch: its mask, input with margins, and the music and remainder it yields.</summary>
    private sealed class Stretch(ISpectralMask mask)
    {
        /// <summary>Frames before a stretch's first sample and after its last that it must read (multiples of 128 samples).</summary>
        private readonly int _margin = Hop * (mask.ContextFrames + MaskedStft.LeadFrames + 1);
        private float[] _input = [];

        public float[] Music { get; } = new float[StretchSamples];

        public float[] Remainder { get; } = new float[StretchSamples];

        public int Length { get; private set; }

        public void Separate(long start, long length, Func<long, Span<float>, int> readAt)
        {
            var end = Math.Min(length, start + StretchSamples);
            Length = (int)(end - start);
            var readStart = Math.Max(0, start - _margin);
            var readEnd = Math.Min(length, end + _margin);
            if (_input.Length < readEnd - readStart)
            {
                _input = new float[StretchSamples + 2 * _margin];
            }

            var input = _input.AsSpan(0, (int)(readEnd - readStart));
            if (readAt(readStart, input) != input.Length)
            {
                throw new EndOfStreamException($"the signal ended before sample {readEnd} of the {length} it was said to have");
            }

            var stft = new MaskedStft(mask, Keep, readStart / Hop);
            stft.Process(input);
            stft.Flush();

            void Keep(long at, ReadOnlySpan<float> given, ReadOnlySpan<float> masked)
            {
                var from = Math.Max(at, start);
                var to = Math.Min(at + given.Length, end);
                if (to > from)
                {
                    var (offset, count, into) = ((int)(from - at), (int)(to - from), (int)(from - start));
                    masked.Slice(offset, count).CopyTo(Music.AsSpan(into));
                    TensorPrimitives.Subtract(given.Slice(offset, count), masked.Slice(offset, count), Remainder.AsSpan(into, count));
                }
            }
        }
    }
}
