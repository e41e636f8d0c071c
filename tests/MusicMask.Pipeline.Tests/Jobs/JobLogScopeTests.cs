using Microsoft.Extensions.Logging;
using MusicMask.Jobs;

namespace MusicMask.Pipeline.Tests.Jobs;

public class JobLogScopeTests
{
    [Fact]
    public void AScopePrintsItsJobAndKeepsItAsAProperty()
    {
        var logger = new ScopeRecorder();

        using (JobLogScope.Begin(logger, "0123456789abcdef"))
        {
        }

        var state = Assert.Single(logger.Scopes);
        Assert.Equal("job 0123456789abcdef", state.ToString());
        var properties = Assert.IsAssignableFrom<IEnumerable<KeyValuePair<string, object?>>>(state);
        Assert.Contains(new KeyValuePair<string, object?>("JobId", "0123456789abcdef"), properties);
    }

    private sealed class ScopeRecorder : ILogger
    {
        public List<object> Scopes { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull
        {
            Scopes.Add(state);
            return null;
        }

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
