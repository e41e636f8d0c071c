using MusicMask.Training.Data;

namespace MusicMask.Training.Tests.Data;

public class SyntheticMelodyTests
{
    private const int Rate = 44_100;
    private const int Hop = Rate / 50;

    private static readonly SyntheticMelody Plain = new(
        Root: 57, Scale: [0, 2, 4, 5, 7, 9, 11], NoteSeconds: 0.3, Rolloff: 2, OddOnly: false, Decay: 0, VibratoDepth: 0, Bass: false);

    [Fact]
    public void ItsNotesLieOnItsScaleAndMoveAmongSeveralPitches()
    {
        var signal = Plain.Render(4 * Rate, Rate, new Random(1));

        // The fundamental (strongest at rolloff 2) of 40 ms frames every 20 ms, in semitones above the root, where a note sounds.
        var pitches = new List<double>();
        for (var start = 0; start + 2 * Hop <= signal.Length; start += Hop)
        {
            // Only frames wholly inside a note: none of its 5 ms blocks dips into a boundary's ramp or a rest.
            var frame = signal.AsSpan(start, 2 * Hop).ToArray();
            var blocks = frame.Chunk(Rate / 200).Select(block => block.Max(Math.Abs)).ToArray();
            if (blocks.Min() < 0.7 * blocks.Max())
            {
                continue;
            }

            var semitones = Enumerable.Range(0, 24 * 8).Select(step => step / 8.0).MaxBy(s => ToneAmplitude.Of(frame, MidiHz(Plain.Root + s)));
            pitches.Add(semitones);
        }

        int[] scale = [.. Plain.Scale, .. Plain.Scale.Select(s => s + 12)];
        Assert.All(pitches, p => Assert.Contains(scale, degree => Math.Abs(degree - p) <= 0.25));
        Assert.True(pitches.Select(p => Math.Round(p)).Distinct().Count() >= 4, $"pitches: {string.Join(", ", pitches.Distinct())}");
    }

    [Fact]
    public void EveryStretchAsLongAsAWindowHoldsANoteBoundary()
    {
        foreach (var seed in Enumerable.Range(2, 5))
        {
            // Notes from 440 Hz up and 2.5 ms blocks: every block holds a period, so only a note boundary's
            // 10 ms ramps or a rest dip the envelope.
            var melody = SyntheticMelody.Draw(new Random(seed)) with { Root = 69, Bass = false, Decay = 0 };
            var signal = melody.Render(5 * Rate, Rate, new Random(seed));
            var envelope = signal.Chunk(Rate / 400).Select(block => block.Max(Math.Abs)).ToArray();
            var windowBlocks = (int)(0.74 * 400);

            Assert.True(signal.Max(Math.Abs) <= 1f);
            for (var start = 0; start + windowBlocks <= envelope.Length; start += windowBlocks / 4)
            {
                var span = envelope.AsSpan(start, windowBlocks).ToArray();
                Assert.True(span.Min() < 0.3 * span.Max(), $"seed {seed}: no dip from {start / 400.0:F2} s");
            }
        }
    }

    [Fact]
    public void ABassLineAddsLowerNotesAndDecayingNotesFade()
    {
        var bass = Plain with { Bass = true };
        Assert.True(LowEnergy(bass.Render(2 * Rate, Rate, new Random(7))) > 10 * LowEnergy(Plain.Render(2 * Rate, Rate, new Random(7))));

        var plucked = Plain with { Decay = 4 };
        var envelope = plucked.Render(Rate, Rate, new Random(8)).Chunk(Rate / 200).Select(block => block.Max(Math.Abs)).ToArray();
        Assert.InRange(envelope.Where(e => e > 0).Min() / envelope.Max(), 0, 0.2);
    }

    [Fact]
    public void DrawnMelodiesSpanTheirRangesAndHalfHaveABassLine()
    {
        var random = new Random(9);
        var melodies = Enumerable.Range(0, 500).Select(_ => SyntheticMelody.Draw(random)).ToArray();

        Assert.All(melodies, m => Assert.InRange(MidiHz(m.Root), 110, 660));
        Assert.All(melodies, m => Assert.InRange(m.NoteSeconds, 0.1, 0.4));
        Assert.InRange(melodies.Count(m => m.Bass), 200, 300);
        Assert.InRange(melodies.Count(m => m.Decay == 0), 200, 300);
        Assert.InRange(melodies.Count(m => m.VibratoDepth == 0), 200, 300);
        Assert.Equal(4, melodies.Select(m => m.Scale).Distinct().Count());
    }

    private static double MidiHz(double midi) => 440 * Math.Pow(2, (midi - 69) / 12);

    // Energy at the bass line's possible notes (root, fourth and fifth one or two octaves down), all under the melody's lowest note.
    private static double LowEnergy(float[] signal) =>
        new[] { 12, 24 }.SelectMany(octave => new[] { 0, 5, 7 }.Select(degree => MidiHz(Plain.Root - octave + degree)))
            .Sum(f => Math.Pow(ToneAmplitude.Of(signal, f), 2));
}
