namespace MusicMask.Outputs;

/// <summary>
/// Publishes a result set into {root}/{name}/ as a unit: files go to a hidden staging folder that replaces the
/// old one only when complete, so a folder with a manifest.json is always a whole result.
/// </summary>
public static class ResultDirectory
{
    public static string Publish(string root, string name, IEnumerable<(string Name, byte[] Content)> files)
    {
        var target = Path.Combine(root, name);
        var staging = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.partial-{Environment.ProcessId}");
        Directory.CreateDirectory(staging);
        foreach (var (file, content) in files)
        {
            File.WriteAllBytes(Path.Combine(staging, file), content);
        }

        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(staging, target);
        return target;
    }

    /// <summary>Replaces whatever stands at {root}/{name}/ with just error.json.</summary>
    public static string PublishError(string root, string name, ErrorRecord error) =>
        Publish(root, name, [(ResultFiles.Error, ResultFiles.Serialize(error))]);
}
