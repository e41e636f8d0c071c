namespace MusicMask.Training.Tests;

/// <summary>A file of this repository, found by walking up from the test binaries.</summary>
internal static class RepositoryFile
{
    public static string Find(string relativePath)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, relativePath);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{relativePath} not found above the test folder");
    }
}
