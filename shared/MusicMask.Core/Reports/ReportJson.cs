using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MusicMask.Reports;

/// <summary>
/// A report's data as the JSON its page reads, safe to place inside a &lt;script&gt; element. Each row is an array
/// (the page's script reads the same positions): name, folder as a relative URL (null without an overlay), status,
/// duration s, music s, music segments, music profile (<see cref="MusicProfile.Encode"/>), problem.
/// </summary>
public static class ReportJson
{
    public static string Serialize(ResultReport report, string linkBase)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("source", WellFormed(report.Source));
            json.WriteString("generated", report.Generated.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("link_base", linkBase);
            WriteTotals(json, report.Totals);
            json.WriteStartArray("rows");
            foreach (var row in report.Rows)
            {
                WriteRow(json, row);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Embeddable(Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    /// <summary>
    /// '&lt;' could close the script element ("&lt;/script&gt;") or open a comment in it; '&gt;' and '&amp;' are escaped
    /// with it so nothing in the data reads as markup. Outside strings JSON has none of the three, so replacing them
    /// everywhere changes only string contents, to the same string.
    /// </summary>
    public static string Embeddable(string json) => json.Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026");

    /// <summary>A name read back from JSON may hold a lone surrogate, which no JSON writer accepts: it becomes U+FFFD.</summary>
    private static string WellFormed(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static void WriteTotals(Utf8JsonWriter json, ReportTotals totals)
    {
        json.WriteStartObject("totals");
        json.WriteNumber("files", totals.Files);
        json.WriteNumber("audio_seconds", Math.Round(totals.AudioSeconds, 1));
        json.WriteNumber("music_seconds", Math.Round(totals.MusicSeconds, 1));
        json.WriteNumber("failures", totals.Failures);
        json.WriteNumber("truncated", totals.Truncated);
        json.WriteEndObject();
    }

    private static void WriteRow(Utf8JsonWriter json, ReportRow row)
    {
        json.WriteStartArray();
        json.WriteStringValue(WellFormed(row.Name));
        WriteNullable(json, row.HasOverlay ? ReportLinks.EncodePath(row.Folder) : null);
        json.WriteStringValue(row.Status.ToString().ToLowerInvariant());
        WriteNullable(json, row.DurationSeconds, 2);
        WriteNullable(json, row.MusicSeconds, 2);
        WriteNullable(json, row.MusicSegments, 0);
        WriteNullable(json, row.MusicShares is { } shares ? MusicProfile.Encode(shares) : null);
        WriteNullable(json, row.Problem is null ? null : WellFormed(row.Problem));
        json.WriteEndArray();
    }

    private static void WriteNullable(Utf8JsonWriter json, string? value)
    {
        if (value is null)
        {
            json.WriteNullValue();
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter json, double? value, int decimals)
    {
        if (value is { } number)
        {
            json.WriteNumberValue(Math.Round(number, decimals));
        }
        else
        {
            json.WriteNullValue();
        }
    }
}
