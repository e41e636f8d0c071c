namespace MusicMask.Browser.Tests.Support;

/// <summary>A test that runs in a real Chromium, reported as skipped with the reason where none is installed.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Missing() is { } why)
        {
            Skip = why;
        }
    }
}

/// <inheritdoc cref="BrowserFactAttribute"/>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.Missing() is { } why)
        {
            Skip = why;
        }
    }
}
