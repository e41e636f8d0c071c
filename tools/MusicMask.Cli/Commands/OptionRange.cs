using System.CommandLine;
using System.Globalization;

namespace MusicMask.Cli.Commands;

internal static class OptionRange
{
    /// <summary>
    /// Refuses, at parse time and in one line, a value outside [min, max] (NaN too: it compares below everything),
    /// where it would otherwise reach the work as a crash or a run that never ends.
    /// </summary>
    public static Option<T> Within<T>(this Option<T> option, T min, T max)
        where T : IComparable<T>
    {
        option.Validators.Add(result => Check(result, option.Name, [result.GetValueOrDefault<T>()], min, max));
        return option;
    }

    /// <summary>The same check for each value of an option that takes several.</summary>
    public static Option<T[]> EachWithin<T>(this Option<T[]> option, T min, T max)
        where T : IComparable<T>
    {
        option.Validators.Add(result => Check(result, option.Name, result.GetValueOrDefault<T[]>() ?? [], min, max));
        return option;
    }

    private static void Check<T>(System.CommandLine.Parsing.OptionResult result, string name, IEnumerable<T> values, T min, T max)
        where T : IComparable<T>
    {
        foreach (var value in values.Where(v => !(v.CompareTo(min) >= 0 && v.CompareTo(max) <= 0)))
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be from {min} to {max}, not {value}"));
        }
    }
}
