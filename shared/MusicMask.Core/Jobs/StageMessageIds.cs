using System.Security.Cryptography;
using System.Text;

namespace MusicMask.Jobs;

/// <summary>
/// The broker message id of a stage message, a function of what it asks (job, stage, range), so that a message sent
/// twice, by a redelivered ingest or a retried score, carries the same id and a broker with duplicate detection keeps one.
/// </summary>
public static class StageMessageIds
{
    public static string Of(string body)
    {
        if (!MessageCodec.TrySchemaOf(body, out var schema, out _))
        {
            return $"unreadable.{Digest(body)}";
        }

        return schema switch
        {
            IngestRequest.Version1 when MessageCodec.TryDecode<IngestRequest>(body, out var request, out _) =>
                $"ingest.{Digest($"{request.Container}/{request.Name}\n{request.ETag}")}",
            ScoreTile.Version1 when MessageCodec.TryDecode<ScoreTile>(body, out var tile, out _) =>
                $"{tile.JobId}.score.{tile.Tile}.{tile.FirstWindow}+{tile.Windows}",
            IngestCompleted.Version1 when MessageCodec.TryDecode<IngestCompleted>(body, out var completed, out _) => $"{completed.JobId}.sealed.{completed.Tiles}",
            _ => $"other.{Digest(body)}",
        };
    }

    private static string Digest(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
}
