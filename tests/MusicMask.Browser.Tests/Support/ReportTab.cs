using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace MusicMask.Browser.Tests.Support;

/// <summary>The report open in the browser, driven the way a user does: typing, clicking headers and options.</summary>
public sealed class ReportTab(ChromeDriver browser)
{
    /// <summary>Opens a report file, with <paramref name="query"/> ("?a=1&amp;b=2") after its address when given.</summary>
    public static ReportTab Open(ChromeDriver browser, string file, string query = "") => OpenAddress(browser, new Uri(file).AbsoluteUri + query);

    public static ReportTab OpenAddress(ChromeDriver browser, string address)
    {
        browser.Navigate().GoToUrl(address);
        var tab = new ReportTab(browser);
        new WebDriverWait(browser, TimeSpan.FromSeconds(30)).Until(_ => tab.Script("return document.documentElement.dataset.ready") as string == "true");
        return tab;
    }

    /// <summary>Milliseconds from the start of navigation to the page's "report-ready" mark, as the browser measured them.</summary>
    public double ReadyMilliseconds => Convert.ToDouble(Script("return performance.getEntriesByName('report-ready')[0].startTime"));

    public int Matching => int.Parse((string)Script("return document.getElementById('count').dataset.matching")!);

    /// <summary>The cells' text of every row on the page shown: name, status, duration, share, segments, (mask), (overlay), problem.</summary>
    public IReadOnlyList<string[]> Rows() =>
        ((IEnumerable<object>)Script("return [...document.querySelectorAll('#rows tbody tr')].map(tr => [...tr.cells].map(td => td.textContent))")!)
        .Select(row => ((IEnumerable<object>)row).Select(cell => (string)cell).ToArray())
        .ToArray();

    public void Type(string inputId, string text)
    {
        var input = browser.FindElement(By.Id(inputId));
        input.SendKeys(Keys.Control + "a");
        input.SendKeys(Keys.Backspace);
        input.SendKeys(text);
    }

    /// <summary>The href attribute of the overlay link of each row shown, as the page's script set it.</summary>
    public IReadOnlyList<string> OverlayLinks() =>
        ((IEnumerable<object>)Script("return [...document.querySelectorAll('#rows tbody a.overlay')].map(a => a.getAttribute('href'))")!).Cast<string>().ToArray();

    public void SortBy(string key) => browser.FindElement(By.CssSelector($"#rows th button[data-sort='{key}']")).Click();

    public void ChooseStatus(string status) => browser.FindElement(By.CssSelector($"#status-filter option[value='{status}']")).Click();

    public object? Script(string script) => browser.ExecuteScript(script);
}
