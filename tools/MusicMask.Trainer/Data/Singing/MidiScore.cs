namespace MusicMask.Training.Data.Singing;

/// <summary>
/// Writes a song as a Standard MIDI File (format 0, one channel) for a General MIDI voice program (52 Choir Aahs,
/// 53 Voice Oohs, 54 Synth Voice, 0-based), rendered with a soundfont: sampled voices on the melody, without words.
/// Pitches are rounded to notes and vibrato comes from the modulation wheel, since the samples carry their own.
/// </summary>
public static class MidiScore
{
    private const int TicksPerQuarter = 480;
    private const int MicrosecondsPerQuarter = 500_000;
    private const double TicksPerSecond = TicksPerQuarter * 1e6 / MicrosecondsPerQuarter;

    public static byte[] Write(IReadOnlyList<SungNote> song, int program, Random random)
    {
        var track = new List<byte>();
        Event(track, 0, 0xFF, 0x51, 0x03, MicrosecondsPerQuarter >> 16 & 0xFF, MicrosecondsPerQuarter >> 8 & 0xFF, MicrosecondsPerQuarter & 0xFF);
        Event(track, 0, 0xC0, program);
        Event(track, 0, 0xB0, 1, random.Next(0, 64));
        var wait = 0;
        foreach (var note in song)
        {
            var ticks = (int)Math.Round(note.Duration * TicksPerSecond);
            if (note.IsRest)
            {
                wait += ticks;
                continue;
            }

            // A vibrato's swings return to the note: the note is the first pitch; a melisma's second note follows.
            foreach (var (midi, share) in Pitches(note))
            {
                var key = (int)Math.Clamp(Math.Round(midi), 0, 127);
                var held = (int)Math.Round(share * ticks);
                Event(track, wait, 0x90, key, random.Next(70, 120));
                Event(track, held, 0x80, key, 64);
                wait = 0;
            }
        }

        Event(track, wait, 0xFF, 0x2F, 0x00);
        var file = new List<byte>();
        file.AddRange("MThd"u8.ToArray());
        file.AddRange([0, 0, 0, 6, 0, 0, 0, 1, TicksPerQuarter >> 8, TicksPerQuarter & 0xFF]);
        file.AddRange("MTrk"u8.ToArray());
        file.AddRange([(byte)(track.Count >> 24), (byte)(track.Count >> 16), (byte)(track.Count >> 8), (byte)track.Count]);
        file.AddRange(track);
        return [.. file];
    }

    private static IEnumerable<(double Midi, double Share)> Pitches(SungNote note)
    {
        // Vibrato swings alternate around one note; a pitch that lies a semitone or more from the note starts the next.
        var total = note.Duration;
        var start = 0;
        for (var i = 1; i <= note.Midi.Length; i++)
        {
            if (i == note.Midi.Length || Math.Abs(note.Midi[i] - note.Midi[start]) >= 1)
            {
                yield return (note.Midi[start], note.Seconds[start..i].Sum() / total);
                start = i;
            }
        }
    }

    private static void Event(List<byte> track, int delta, params int[] bytes)
    {
        var stack = new Stack<byte>();
        stack.Push((byte)(delta & 0x7F));
        while ((delta >>= 7) > 0)
        {
            stack.Push((byte)(delta & 0x7F | 0x80));
        }

        track.AddRange(stack);
        track.AddRange(bytes.Select(b => (byte)b));
    }
}
