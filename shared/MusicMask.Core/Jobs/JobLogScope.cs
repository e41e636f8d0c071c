using Microsoft.Extensions.Logging;

namespace MusicMask.Jobs;

/// <summary>
/// The log scope of one job's work: a message template, so console loggers print "job 0123abcd..." and
/// structured sinks (Application Insights) still get a JobId property.
/// </summary>
public static class JobLogScope
{
    public static IDisposable? Begin(ILogger logger, string jobId) => logger.BeginScope("job {JobId}", jobId);
}
