namespace MusicMask.Outputs;

/// <summary>
/// Publishes result sets into {root}/{name}/ as units, without touching anything this tool did not write. Files
/// are staged in a hidden folder inside the root and moved into place, the manifest last, so a folder with a
/// manifest.json is always a whole result. An existing folder is written into only when every file in it is a
/// MusicMask result file (its manifest or error record recognised as one), or when <c>overwrite</c> says so; even
/// then only result files are replaced or removed, never a folder, so results nested in it stay.
/// </summary>
public sealed class ResultFolders(string root, bool overwrite = false)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>
    /// Why results for <paramref name="inputs"/> cannot go to <paramref name="output"/>, or null: an output that is a
    /// file, equals an input, lies inside one or contains one would mix results with the audio they come from.
    /// </summary>
    public static string? ProblemWith(string output, IEnumerable<string> inputs)
    {
        if (File.Exists(output))
        {
            return $"the output {output} is a file, not a folder";
        }

        var outputReal = Audio.RealPath.OfPlanned(output);
        foreach (var input in inputs)
        {
            if (Audio.RealPath.Of(input) is not { } inputReal)
            {
                continue;
            }

            if (Audio.RealPath.IsSameOrInside(outputReal, inputReal))
            {
                return outputReal == inputReal
                    ? $"the output {output} is the input {input}: results go to a folder apart from the audio"
                    : $"the output {output} lies inside the input {input}: results go to a folder apart from the audio";
            }

            if (Audio.RealPath.IsSameOrInside(inputReal, outputReal))
            {
                return $"the output {output} contains the input {input}: results go to a folder apart from the audio";
            }
        }

        return null;
    }

    /// <summary>Where the results for <paramref name="name"/> (a '/'-separated relative name) go.</summary>
    public string FolderFor(string name) => Path.Combine(Root, ResultFolderNames.RelativePath(name));

    public string Publish(string name, IReadOnlyList<(string Name, byte[] Content)> files)
    {
        var target = FolderFor(name);
        CheckWritable(target);
        var staging = Path.Combine(Root, $".musicmask-staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            foreach (var (file, content) in files)
            {
                File.WriteAllBytes(Path.Combine(staging, file), content);
            }

            if (Directory.Exists(target))
            {
                Replace(target, staging, files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal));
            }
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                Directory.Move(staging, target);
            }
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }

        return target;
    }

    /// <summary>Leaves just error.json among the result files at {root}/{name}/.</summary>
    public string PublishError(string name, ErrorRecord error) => Publish(name, [(ResultFiles.Error, ResultFiles.Serialize(error))]);

    /// <summary>Whether every file directly in <paramref name="folder"/> is a result file this tool wrote (subfolders aside).</summary>
    public static bool HoldsOnlyResults(string folder) =>
        Directory.EnumerateFiles(folder).All(path => Path.GetFileName(path) switch
        {
            ResultFiles.Manifest => ResultFiles.IsManifest(File.ReadAllBytes(path)),
            ResultFiles.Error => ResultFiles.IsErrorRecord(File.ReadAllBytes(path)),
            var file => ResultFiles.Names.Contains(file),
        });

    private void CheckWritable(string target)
    {
        if (File.Exists(target))
        {
            throw new ResultConflictException($"{target} is a file, not a result folder; it was left untouched");
        }

        if (!overwrite && Directory.Exists(target) && !HoldsOnlyResults(target))
        {
            throw new ResultConflictException($"{target} holds files MusicMask did not write; it was left untouched (--overwrite writes the results into it anyway)");
        }
    }

    /// <summary>Old manifest out first, new files in, stale result files out, new manifest last.</summary>
    private static void Replace(string target, string staging, IReadOnlySet<string> files)
    {
        File.Delete(Path.Combine(target, ResultFiles.Manifest));
        foreach (var file in files.Where(f => f != ResultFiles.Manifest))
        {
            File.Move(Path.Combine(staging, file), Path.Combine(target, file), overwrite: true);
        }

        foreach (var stale in ResultFiles.Names.Where(f => !files.Contains(f)))
        {
            File.Delete(Path.Combine(target, stale));
        }

        if (files.Contains(ResultFiles.Manifest))
        {
            File.Move(Path.Combine(staging, ResultFiles.Manifest), Path.Combine(target, ResultFiles.Manifest));
        }
    }
}
