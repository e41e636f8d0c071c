using Azure;
using Azure.Identity;
using MusicMask.Storage;

namespace MusicMask.Cli.Commands;

/// <summary>
/// Failures that are the storage account's, the network's or the sign-in's rather than the program's: said in one
/// line with exit code 2 instead of a stack trace.
/// </summary>
internal static class StorageErrors
{
    public static async Task<int> Guard(Func<Task<int>> action)
    {
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (Exception error) when (Describe(error) is { } message)
        {
            await Console.Error.WriteLineAsync($"error: {message}").ConfigureAwait(false);
            return 2;
        }
    }

    /// <summary>One line for such a failure; null for anything else, which keeps its stack trace.</summary>
    public static string? Describe(Exception error) => error switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.Select(Describe).FirstOrDefault(message => message is not null),
        StorageConnectionFormatException => $"--{error.Message}",
        RequestFailedException { Status: 0 } => $"cannot reach storage ({FirstLine(error.Message)}); locally, start Azurite first (README, 'The distributed pipeline')",
        RequestFailedException failed => $"storage refused the request: HTTP {failed.Status} {failed.ErrorCode}",
        HttpRequestException => $"cannot reach storage ({error.Message})",
        AuthenticationFailedException or CredentialUnavailableException => $"cannot sign in to storage: {FirstLine(error.Message)}",
        _ => null,
    };

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
