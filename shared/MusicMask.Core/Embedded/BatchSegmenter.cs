using System.Runtime.ExceptionServices;
using MusicMask.Audio;
using MusicMask.Outputs;

namespace MusicMask.Embedded;

/// <summary>What became of one file of a batch: its results, or its error record, and where they went.</summary>
public sealed record FileOutcome(AudioInput Input, string? Folder, SegmentationResult? Result, ErrorRecord? Error, string? Unrecorded = null)
{
    public bool Succeeded => Result is not null && Error is null;
}

/// <summary>
/// Segments the files of a batch into result folders. Whatever goes wrong with one file (it cannot be
/// read or decoded, scoring or writing fails) becomes that file's error record, and the batch goes on; only
/// cancellation stops it.
/// </summary>
public sealed class BatchSegmenter(Segmenter segmenter, ResultFolders results)
{
    public ModelInfo Model => segmenter.Model;

    /// <summary>
    /// Segments every file, the next files read while the current ones score, handing each outcome to
    /// <paramref name="onOutcome"/> with the file's index, in input order, on the calling thread, where the outputs
    /// are rendered and written. <paramref name="progress"/> gives the progress sink of a file by its index.
    /// </summary>
    public void ProcessAll(
        IReadOnlyList<(AudioInput Input, string Name)> files,
        Action<int, FileOutcome> onOutcome,
        Func<int, IProgress<double>?>? progress = null,
        CancellationToken cancellationToken = default) =>
        segmenter.RunAll(
            files.Select(f => f.Input).ToArray(),
            (i, result, failure) => onOutcome(i, Outcome(files[i].Input, files[i].Name, result, failure, cancellationToken)),
            progress,
            cancellationToken);

    public FileOutcome Process(AudioInput input, string resultName, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        FileOutcome? outcome = null;
        ProcessAll([(input, resultName)], (_, o) => outcome = o, _ => progress, cancellationToken);
        return outcome!;
    }

    private FileOutcome Outcome(AudioInput input, string resultName, SegmentationResult? result, ExceptionDispatchInfo? failure, CancellationToken cancellationToken)
    {
        if (input.Problem is { } problem)
        {
            return Fail(input, resultName, "read", problem, null);
        }

        var stage = "segment";
        try
        {
            failure?.Throw();
            stage = "outputs";
            var folder = results.Publish(resultName, createFile =>
            {
                var files = result!.RenderFiles(segmenter.Model, createFile);
                stage = "write";
                return files;
            });
            return new FileOutcome(input, folder, result, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception error)
        {
            var decoding = error is AudioFormatException audio ? audio : null;
            return Fail(input, resultName, decoding is null ? stage : "decode", Describe(error), decoding?.Details);
        }
        finally
        {
            result?.Audio?.Dispose();
        }
    }

    private FileOutcome Fail(AudioInput input, string resultName, string stage, string reason, string? details)
    {
        var record = new ErrorRecord(input.Path, stage, reason, DateTimeOffset.UtcNow, details);
        try
        {
            return new FileOutcome(input, results.PublishError(resultName, record), null, record);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or ArgumentException)
        {
            var why = error is ResultConflictException ? "its error.json could not be written there either" : $"its error.json could not be written either: {error.Message}";
            return new FileOutcome(input, null, null, record, why);
        }
    }

    private static string Describe(Exception error) => error is AudioFormatException or ResultConflictException or IOException or UnauthorizedAccessException
        ? error.Message
        : $"{error.GetType().Name}: {error.Message}";
}
