namespace MusicMask.Training.Data.Singing;

/// <summary>
/// Composes random songs for a singing synthesiser: phrases of syllables on a scale in the singer's range, moving
/// mostly by step, ending on a held note and a breath, with vibrato on held notes and a singer's intonation error.
/// What makes a voice sing rather than talk is here: pitches held on notes of a scale, vowels sustained, a pulse.
/// </summary>
public static class SongComposer
{
    private static readonly int[][] Scales = [[0, 2, 4, 5, 7, 9, 11], [0, 2, 3, 5, 7, 8, 10], [0, 2, 4, 7, 9], [0, 2, 3, 5, 7, 9, 10]];
    private static readonly double[] Beats = [0.5, 0.5, 1, 1, 1, 1.5, 2, 3];
    private static readonly int[] Steps = [-2, -1, -1, -1, 0, 1, 1, 1, 2];

    /// <summary>A song of about <paramref name="seconds"/> (it ends with the phrase that reaches them).</summary>
    public static IReadOnlyList<SungNote> Compose(SingerVoice voice, double seconds, Random random)
    {
        var beat = 60.0 / (60 + 80 * random.NextDouble());
        var scale = Scales[random.Next(Scales.Length)];
        var root = voice.Lowest + random.Next(0, 7);
        var degrees = Enumerable.Range(0, 3 * scale.Length).Select(d => root + 12 * (d / scale.Length) + scale[d % scale.Length])
            .Where(midi => midi <= voice.Highest).ToArray();
        var vibratoHz = 4.5 + 2 * random.NextDouble();
        var vibratoDepth = random.NextDouble() < 0.2 ? 0 : 0.15 + 0.6 * random.NextDouble();
        var intonation = 0.05 + 0.2 * random.NextDouble();
        var notes = new List<SungNote>();
        var degree = random.Next(degrees.Length);
        double elapsed = 0;
        while (elapsed < seconds)
        {
            var length = random.Next(4, 10);
            for (var i = 0; i < length; i++)
            {
                degree = Math.Clamp(degree + (random.NextDouble() < 0.1 ? random.Next(-5, 6) : Steps[random.Next(Steps.Length)]), 0, degrees.Length - 1);
                var held = (i == length - 1 ? 2 + random.Next(3) : Beats[random.Next(Beats.Length)]) * beat;
                var midi = degrees[degree] + intonation * Gaussian(random);
                var syllable = voice.Syllables[random.Next(voice.Syllables.Length)];
                var note = random.NextDouble() < 0.15 && degree + 1 < degrees.Length
                    ? new SungNote(syllable, [midi, degrees[degree + 1] + intonation * Gaussian(random)], [held / 2, held / 2])
                    : new SungNote(syllable, [midi], [held]);
                notes.Add(WithVibrato(note, vibratoHz, vibratoDepth));
                elapsed += held;
            }

            var breath = (0.5 + 1.5 * random.NextDouble()) * beat;
            notes.Add(SungNote.Rest(breath));
            elapsed += breath;
        }

        return notes;
    }

    /// <summary>
    /// Splits each pitch held longer than 0.3 s into half-periods of a vibrato, alternately above and below it: the
    /// synthesiser glides between pitch targets, so the alternation sounds as a vibrato around the note.
    /// </summary>
    public static SungNote WithVibrato(SungNote note, double hertz, double semitones)
    {
        if (note.IsRest || semitones <= 0)
        {
            return note;
        }

        var midi = new List<double>();
        var seconds = new List<double>();
        var half = 0.5 / hertz;
        for (var i = 0; i < note.Midi.Length; i++)
        {
            if (note.Seconds[i] <= 0.3)
            {
                midi.Add(note.Midi[i]);
                seconds.Add(note.Seconds[i]);
                continue;
            }

            // The onset is held plain, as singers do, before the vibrato sets in.
            var onset = Math.Min(0.15, note.Seconds[i] / 4);
            midi.Add(note.Midi[i]);
            seconds.Add(onset);
            var swings = Math.Max(1, (int)Math.Round((note.Seconds[i] - onset) / half));
            for (var k = 0; k < swings; k++)
            {
                midi.Add(note.Midi[i] + (k % 2 == 0 ? semitones : -semitones));
                seconds.Add((note.Seconds[i] - onset) / swings);
            }
        }

        return note with { Midi = [.. midi], Seconds = [.. seconds] };
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
