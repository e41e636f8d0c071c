namespace MusicMask.Audio;

/// <summary>
/// One audio file a run was asked to process: its path, its name relative to the input it was found under (the
/// name its results carry), and why it cannot be read when traversal already knows (a dangling link, a folder
/// that cannot be listed).
/// </summary>
public sealed record AudioInput(string Path, string Name, string? Problem = null);
