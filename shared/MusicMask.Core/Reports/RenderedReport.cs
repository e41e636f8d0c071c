namespace MusicMask.Reports;

/// <summary>A report page over the results container, and the blob it is published to.</summary>
public sealed record RenderedReport(string BlobName, ResultReport Report, byte[] Html);
