namespace MusicMask.Text;

/// <summary>Names are data: before one is shown or logged, its control characters become \uXXXX, so it cannot move a terminal's cursor or recolour it.</summary>
public static class PrintableText
{
    public static string Of(string? text, int maxLength = int.MaxValue) =>
        text is null ? "" : string.Concat(text.Take(maxLength).Select(c => char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
