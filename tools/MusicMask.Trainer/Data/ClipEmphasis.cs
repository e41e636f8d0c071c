using System.Globalization;

namespace MusicMask.Training.Data;

/// <summary>
/// How much more often each training clip is drawn: 1 + strength x the share of its windows a model got wrong
/// (<see cref="ClipErrorSurvey"/>), so the clips a model finds hard are seen more. Clips the survey did not cover keep 1.
/// </summary>
public sealed class ClipEmphasis
{
    private readonly Dictionary<string, double> _errors;

    private ClipEmphasis(Dictionary<string, double> errors, double strength)
    {
        _errors = errors;
        Strength = strength;
    }

    public double Strength { get; }

    /// <summary>Whether the survey measured this clip (by file name): a survey of another data folder covers none.</summary>
    public bool Covers(string path) => _errors.ContainsKey(System.IO.Path.GetFileName(path));

    /// <summary>The draw weight factor of a clip, by its file name.</summary>
    public double Factor(string path) => 1 + Strength * _errors.GetValueOrDefault(System.IO.Path.GetFileName(path));

    /// <summary>Reads a survey written by <see cref="ClipErrorSurvey.Write"/>; a malformed line is an error naming it.</summary>
    public static ClipEmphasis Read(string surveyPath, double strength)
    {
        if (!(strength >= 0 && double.IsFinite(strength)))
        {
            throw new ArgumentException($"the emphasis strength must be 0 or more, not {strength}");
        }

        var errors = new Dictionary<string, double>(StringComparer.Ordinal);
        var lines = File.ReadAllLines(surveyPath);
        if (lines.Length == 0 || lines[0] != ClipErrorSurvey.Header)
        {
            throw new InvalidDataException($"{surveyPath}: not a clip error survey (its first line is not '{ClipErrorSurvey.Header.Replace('\t', ' ')}')");
        }

        for (var i = 1; i < lines.Length; i++)
        {
            var fields = lines[i].Split('\t');
            if (fields.Length != 5 || !double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var error) || error is not (>= 0 and <= 1))
            {
                throw new InvalidDataException($"{surveyPath}, line {i + 1}: expected class, file, seconds, windows and an error share from 0 to 1");
            }

            errors[fields[1]] = error;
        }

        return new ClipEmphasis(errors, strength);
    }
}
