using System.Text.Json;
using System.Text.RegularExpressions;

namespace MusicMask.Tests.Support;

/// <summary>The JSON data block of a report page, read back as its page's script reads it.</summary>
public static partial class ReportData
{
    public static string Block(string html) => DataBlock().Match(html) is { Success: true } match
        ? match.Groups[1].Value
        : throw new InvalidDataException("the page has no report-data block");

    public static JsonElement Of(string html) => JsonDocument.Parse(Block(html)).RootElement;

    public static string[] Names(string html) => Of(html).GetProperty("rows").EnumerateArray().Select(row => row[0].GetString()!).ToArray();

    [GeneratedRegex("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex DataBlock();
}
