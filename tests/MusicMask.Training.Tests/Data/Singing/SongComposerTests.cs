using MusicMask.Training.Data.Singing;

namespace MusicMask.Training.Tests.Data.Singing;

public class SongComposerTests
{
    private static readonly SingerVoice Voice = SingerVoice.Female("en");

    [Fact]
    public void ASongLastsItsLengthInPhrasesOfSungNotesEndedByBreaths()
    {
        var song = SongComposer.Compose(Voice, 30, new Random(7));

        var seconds = song.Sum(n => n.Duration);
        Assert.InRange(seconds, 30, 30 + 20);
        Assert.True(song[^1].IsRest, "a song ends on a breath");
        var rests = song.Count(n => n.IsRest);
        Assert.InRange(song.Count(n => !n.IsRest) / (double)rests, 4, 9);
        Assert.All(song.Where(n => !n.IsRest), n => Assert.Contains(n.Syllable, Voice.Syllables));
    }

    [Fact]
    public void EveryPitchLiesInTheSingersRangeAndHeldNotesSwingAroundTheirNote()
    {
        foreach (var seed in Enumerable.Range(1, 20))
        {
            var song = SongComposer.Compose(Voice, 20, new Random(seed));
            var pitches = song.SelectMany(n => n.Midi).ToArray();

            // The intonation error (up to 0.25 semitone sd) and a vibrato (under 0.75) may reach a little past the range.
            Assert.All(pitches, p => Assert.InRange(p, Voice.Lowest - 2, Voice.Highest + 2));
            Assert.True(pitches.Select(p => Math.Round(p)).Distinct().Count() >= 4, $"seed {seed}: the melody moves among several notes");
            Assert.All(song, n => Assert.Equal(n.Midi.Length, n.IsRest ? 0 : n.Seconds.Length));
        }
    }

    [Fact]
    public void VibratoAlternatesAboveAndBelowTheNoteAndKeepsItsLength()
    {
        var note = new SungNote("la", [60], [1.2]);

        var sung = SongComposer.WithVibrato(note, hertz: 5, semitones: 0.5);

        Assert.Equal(1.2, sung.Duration, 9);
        Assert.Equal(60, sung.Midi[0]);
        var swings = sung.Midi.Skip(1).Select(m => m - 60).ToArray();
        // 1.05 s after the plain onset, in swings of a tenth of a second.
        Assert.InRange(swings.Length, 10, 11);
        Assert.All(swings.Where((_, i) => i % 2 == 0), s => Assert.Equal(0.5, s, 9));
        Assert.All(swings.Where((_, i) => i % 2 == 1), s => Assert.Equal(-0.5, s, 9));
    }

    [Fact]
    public void ShortNotesAndRestsHaveNoVibrato()
    {
        var note = new SungNote("la", [60], [0.25]);

        var sung = SongComposer.WithVibrato(note, 5, 0.5);

        Assert.Equal([60.0], sung.Midi);
        Assert.Equal([0.25], sung.Seconds);
        Assert.True(SongComposer.WithVibrato(SungNote.Rest(1), 5, 0.5).IsRest);
    }
}
