namespace MusicMask.Outputs;

/// <summary>
/// Publishes result sets into {root}/{name}/ as units, without touching anything this tool did not write. Files
/// are staged in a hidden folder inside the root and moved into place, the manifest last, so a folder with a
/// manifest.json is always a whole result. An existing folder is written into only when it holds a manifest or an
/// error record this tool wrote (or, after a replacement cut short, the old manifest set aside) and no file but
/// result files; or when <c>overwrite</c> says so. Even then only result files are replaced or removed, never a
/// folder, so results nested in it stay. A folder is published once per run, so two inputs never share one.
/// </summary>
public sealed class ResultFolders(string root, bool overwrite = false)
{
    /// <summary>The old manifest while its folder is being replaced: it still says the folder is ours if the replacement is cut short.</summary>
    public const string ReplacedManifest = ".replaced.manifest.json";

    private readonly HashSet<string> _published = new(OperatingSystem.IsLinux() ? StringComparer.Ordinal : StringComparer.OrdinalIgnoreCase);

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

    public string Publish(string name, IReadOnlyList<(string Name, byte[] Content)> files) => Publish(name, _ => files);

    /// <summary>
    /// Publishes what <paramref name="render"/> makes: it may first stream files too big to hold in memory through
    /// the function it is given (a result file name -> a new stream in the staging folder, which it disposes), then
    /// returns the files held in memory, the manifest last.
    /// </summary>
    public string Publish(string name, Func<Func<string, Stream>, IReadOnlyList<(string Name, byte[] Content)>> render)
    {
        var target = FolderFor(name);
        CheckWritable(target);

        var staging = Path.Combine(Root, $".musicmask-staging-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            var files = render(file =>
            {
                if (!ResultFiles.Names.Contains(file) || !names.Add(file))
                {
                    throw new ArgumentException($"{file} is not a result file name, or is streamed twice", nameof(file));
                }

                return File.Create(Path.Combine(staging, file));
            });
            foreach (var (file, content) in files)
            {
                File.WriteAllBytes(Path.Combine(staging, file), content);
                names.Add(file);
            }

            if (Directory.Exists(target))
            {
                Replace(target, staging, names);
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

        lock (_published)
        {
            _published.Add(target);
        }

        return target;
    }

    /// <summary>Leaves just error.json among the result files at {root}/{name}/.</summary>
    public string PublishError(string name, ErrorRecord error) => Publish(name, [(ResultFiles.Error, ResultFiles.Serialize(error))]);

    /// <summary>
    /// Whether <paramref name="folder"/> is a result folder this tool wrote: nothing but result files directly in it
    /// (subfolders aside), and among them a manifest or error record it recognises as its own, or no file at all.
    /// </summary>
    public static bool HoldsOnlyResults(string folder)
    {
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).ToArray();
        return files.All(file => file == ReplacedManifest || ResultFiles.Names.Contains(file!)) &&
               (files.Length == 0 || files.Any(file => file switch
               {
                   ResultFiles.Manifest or ReplacedManifest => ResultFiles.IsManifest(File.ReadAllBytes(Path.Combine(folder, file))),
                   ResultFiles.Error => ResultFiles.IsErrorRecord(File.ReadAllBytes(Path.Combine(folder, file))),
                   _ => false,
               }));
    }

    private void CheckWritable(string target)
    {
        lock (_published)
        {
            if (_published.Contains(target))
            {
                throw new ResultConflictException($"{target} already holds the results of another input of this run; it was left untouched");
            }
        }

        var (targetReal, rootReal) = (Audio.RealPath.OfPlanned(target), Audio.RealPath.OfPlanned(Root));
        if (!Audio.RealPath.IsSameOrInside(targetReal, rootReal) || targetReal == rootReal)
        {
            throw new ResultConflictException($"{target} leads outside {Root} through a symbolic link; it was left untouched");
        }

        if (File.Exists(target))
        {
            throw new ResultConflictException($"{target} is a file, not a result folder; it was left untouched");
        }

        if (!overwrite && Directory.Exists(target) && !HoldsOnlyResults(target))
        {
            throw new ResultConflictException($"{target} holds files MusicMask did not write; it was left untouched (--overwrite writes the results into it anyway)");
        }
    }

    /// <summary>Old manifest set aside first, new files in, stale result files out, new manifest last.</summary>
    private static void Replace(string target, string staging, IReadOnlySet<string> files)
    {
        var manifest = Path.Combine(target, ResultFiles.Manifest);
        if (File.Exists(manifest))
        {
            File.Move(manifest, Path.Combine(target, ReplacedManifest), overwrite: true);
        }

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
            File.Move(Path.Combine(staging, ResultFiles.Manifest), manifest);
        }

        File.Delete(Path.Combine(target, ReplacedManifest));
    }
}
