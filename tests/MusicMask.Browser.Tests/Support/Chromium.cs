using OpenQA.Selenium.Chrome;

namespace MusicMask.Browser.Tests.Support;

/// <summary>
/// Debian's Chromium and ChromeDriver (apt-get install chromium chromium-driver), started headless with a fresh
/// profile and without the background connections a closed network refuses.
/// </summary>
public static class Chromium
{
    public static string Browser => Environment.GetEnvironmentVariable("MUSICMASK_CHROMIUM") ?? "/usr/bin/chromium";

    public static string Driver => Environment.GetEnvironmentVariable("MUSICMASK_CHROMEDRIVER") ?? "/usr/bin/chromedriver";

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Missing() =>
        File.Exists(Browser) && File.Exists(Driver)
            ? null
            : $"needs Chromium at {Browser} and ChromeDriver at {Driver} (apt-get install chromium chromium-driver, or set MUSICMASK_CHROMIUM and MUSICMASK_CHROMEDRIVER)";

    public static ChromeDriver Start(string profile)
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--window-size=1400,900",
            $"--user-data-dir={profile}");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
