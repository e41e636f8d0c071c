namespace MusicMask.Storage;

/// <summary>
/// The pipeline's blob layout, and the rule that a user's blob name is data: it is checked once (no traversal,
/// no empty or dot segments, no control characters) and then used verbatim, so "a/b.wav" and "a_b.wav" stay apart.
/// </summary>
public static class BlobNames
{
    public const string AudioContainer = "audio";
    public const string WorkContainer = "work";
    public const string ResultsContainer = "results";
    public const int MaxLength = 1024;

    /// <summary>The folders of work/ that hold no job: results claims, dead letters and receipts.</summary>
    public const string ResultsClaimsFolder = "results-claims";
    public const string DeadLettersFolder = "dead-letters";
    public const string ReceiptsFolder = "receipts";

    public static string Audio(string name) => $"{AudioContainer}/{Checked(name)}";

    public static string Result(string name, string file) => $"{ResultsContainer}/{Checked(name)}/{file}";

    public static string ResultPrefix(string name) => $"{ResultsContainer}/{Checked(name)}/";

    public static string Job(string jobId) => $"{WorkContainer}/{jobId}/job.json";

    public static string Tile(string jobId, int index) => $"{WorkContainer}/{jobId}/tiles/{index:D6}";

    public static string TilesPrefix(string jobId) => $"{WorkContainer}/{jobId}/tiles/";

    public static string Scores(string jobId, int index) => $"{WorkContainer}/{jobId}/scores/{index:D6}";

    public static string Preview(string jobId) => $"{WorkContainer}/{jobId}/preview.bin";

    public static string ScoresPrefix(string jobId) => $"{WorkContainer}/{jobId}/scores/";

    public static string StitchClaim(string jobId) => $"{WorkContainer}/{jobId}/stitch.claim";

    /// <summary>The claim held by whatever writes results/{name}/; the name is hashed, as it may be as long as a blob name can be.</summary>
    public static string ResultsClaim(string name) => $"{WorkContainer}/{ResultsClaimsFolder}/{Hashed(Checked(name))}.claim";

    public static string StitchLog(string jobId) => $"{WorkContainer}/{jobId}/stitches/";

    /// <summary>A dead letter kept as a blob; the message id is hashed when it could not be a safe blob name.</summary>
    public static string DeadLetter(string queue, string messageId) =>
        $"{WorkContainer}/{DeadLettersFolder}/{queue}/{(IsSafe(messageId) && !messageId.Contains('/') ? messageId : Hashed(messageId))}.json";

    public static string Receipt(string receiptId) => $"{WorkContainer}/{ReceiptsFolder}/{receiptId}";

    /// <summary>Where the error record of an upload whose name cannot be used goes: its own name cannot hold it.</summary>
    public static string RejectedName(string jobId) => $"{ResultsContainer}/{RejectedNamesFolder}/{jobId}/error.json";

    public const string RejectedNamesFolder = ".rejected-names";

    /// <summary>A name as it can be shown or logged: control characters escaped as \uXXXX, at most 200 characters.</summary>
    public static string Printable(string? name) => Text.PrintableText.Of(name, 200);

    private static string Hashed(string text) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));

    /// <summary>Returns <paramref name="name"/> unchanged when it is a safe relative blob name, else throws.</summary>
    public static string Checked(string name)
    {
        var problem = Problem(name);
        return problem is null ? name : throw new ArgumentException($"unsafe blob name \"{Printable(name)}\": {problem}", nameof(name));
    }

    public static bool IsSafe(string name) => Problem(name) is null;

    /// <summary>Splits "container/path" into its two parts.</summary>
    public static (string Container, string Path) Split(string fullName)
    {
        var slash = fullName.IndexOf('/');
        if (slash <= 0 || slash == fullName.Length - 1)
        {
            throw new ArgumentException($"\"{Printable(fullName)}\" is not of the form container/path", nameof(fullName));
        }

        return (fullName[..slash], Checked(fullName[(slash + 1)..]));
    }

    /// <summary>Splits a listing prefix, "container" or "container/start-of-a-path", into its checked container and the rest.</summary>
    public static (string Container, string Path) SplitPrefix(string prefix)
    {
        var slash = prefix.IndexOf('/');
        return slash < 0 ? (Checked(prefix), "") : (Checked(prefix[..slash]), prefix[(slash + 1)..]);
    }

    /// <summary>Splits a folder prefix, "container/" or "container/path/", into its checked container and path ("" or "path/").</summary>
    public static (string Container, string Path) SplitFolder(string prefix)
    {
        if (!prefix.EndsWith('/'))
        {
            throw new ArgumentException($"a folder prefix ends with '/': \"{Printable(prefix)}\"", nameof(prefix));
        }

        var folder = prefix[..^1];
        var (container, path) = SplitPrefix(folder);
        return folder.Contains('/') ? (container, $"{Checked(path)}/") : (container, "");
    }

    /// <summary>Why <paramref name="name"/> is not a safe relative blob name, or null when it is.</summary>
    public static string? Problem(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "it is empty";
        }

        if (name.Length > MaxLength)
        {
            return $"it is longer than {MaxLength} characters";
        }

        if (name.Any(c => char.IsControl(c) || c == '\\'))
        {
            return "it contains a control character or a backslash";
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0)
            {
                return "it has an empty path segment (leading, trailing or double slash)";
            }

            if (segment is "." or "..")
            {
                return "it has a '.' or '..' segment";
            }
        }

        return null;
    }

}
