using MusicMask.Training.Data.Singing;

namespace MusicMask.Training.Tests.Data.Singing;

public class MidiScoreTests
{
    [Fact]
    public void TheFileIsOneTrackOfTheVoiceProgramWithANotePerPitchAtTheSongsTimes()
    {
        var song = new[]
        {
            SongComposer.WithVibrato(new SungNote("la", [60], [1.0]), 5, 0.4),
            SungNote.Rest(0.5),
            new SungNote("la", [62, 64], [0.25, 0.25]),
        };

        var file = MidiScore.Write(song, program: 52, new Random(1));

        Assert.Equal("MThd"u8.ToArray(), file[..4]);
        Assert.Equal(0, file[8] << 8 | file[9]);
        Assert.Equal(1, file[10] << 8 | file[11]);
        Assert.Equal("MTrk"u8.ToArray(), file[14..18]);
        Assert.Equal(file.Length - 22, file[18] << 24 | file[19] << 16 | file[20] << 8 | file[21]);
        var events = Events(file[22..]);
        Assert.Contains(events, e => e.Status == 0xC0 && e.Data[0] == 52);
        var notes = Notes(events);
        Assert.Equal([(60, 0.0, 1.0), (62, 1.5, 0.25), (64, 1.75, 0.25)], notes.Select(n => (n.Key, Math.Round(n.Start, 3), Math.Round(n.Length, 3))));
    }

    /// <summary>(time in seconds at 960 ticks a second, status, data bytes) of a track's events.</summary>
    private static List<(double Time, int Status, byte[] Data)> Events(byte[] track)
    {
        var events = new List<(double, int, byte[])>();
        long ticks = 0;
        for (var i = 0; i < track.Length;)
        {
            var delta = 0;
            byte b;
            do
            {
                b = track[i++];
                delta = delta << 7 | b & 0x7F;
            }
            while ((b & 0x80) != 0);

            ticks += delta;
            var status = track[i++];
            var length = status == 0xFF ? 2 + track[i + 1] : (status & 0xF0) is 0xC0 or 0xD0 ? 1 : 2;
            events.Add((ticks / 960.0, status, track[i..(i + length)]));
            i += length;
        }

        return events;
    }

    private static List<(int Key, double Start, double Length)> Notes(List<(double Time, int Status, byte[] Data)> events)
    {
        var open = new Dictionary<int, double>();
        var notes = new List<(int, double, double)>();
        foreach (var (time, status, data) in events)
        {
            if (status == 0x90)
            {
                open[data[0]] = time;
            }
            else if (status == 0x80)
            {
                notes.Add((data[0], open[data[0]], time - open[data[0]]));
                open.Remove(data[0]);
            }
        }

        Assert.Empty(open);
        return notes;
    }
}
