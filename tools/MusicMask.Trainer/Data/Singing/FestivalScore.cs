using System.Globalization;
using System.Security;
using System.Text;

namespace MusicMask.Training.Data.Singing;

/// <summary>
/// Writes a song as festival's singing-mode markup (<c>text2wave -mode singing</c>): one word per syllable, its
/// pitches in Hz joined by '+' (a melisma or a vibrato on one syllable), held for explicit SECONDS, so the
/// BEATS quirk (a beat of 50/BPM s) does not apply.
/// </summary>
public static class FestivalScore
{
    public static string Write(IReadOnlyList<SungNote> song)
    {
        var text = new StringBuilder()
            .AppendLine("<?xml version=\"1.0\"?>")
            .AppendLine("<!DOCTYPE SINGING PUBLIC \"-//SINGING//DTD SINGING mark up//EN\" \"Singing.v0_1.dtd\" []>")
            .AppendLine("<SINGING BPM=\"60\">");
        foreach (var note in song)
        {
            if (note.IsRest)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"<REST SECONDS=\"{Number(note.Duration)}\"></REST>");
                continue;
            }

            var hertz = string.Join('+', note.Midi.Select(m => Number(SungNote.Hertz(m))));
            var seconds = string.Join('+', note.Seconds.Select(Number));
            text.AppendLine(CultureInfo.InvariantCulture, $"<PITCH FREQ=\"{hertz}\"><DURATION SECONDS=\"{seconds}\">{SecurityElement.Escape(note.Syllable)}</DURATION></PITCH>");
        }

        return text.AppendLine("</SINGING>").ToString();
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
