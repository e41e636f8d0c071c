using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using MusicMask.Reports;

namespace MusicMask.Functions;

/// <summary>
/// The archive report in the results container, as `musicmask report --storage --publish` writes it: on request
/// (POST /api/report?prefix=archive/ with a function key) into results/{prefix}report.html, and on a schedule into
/// results/report.html where <see cref="AppSettings.ReportSchedule"/> is set and the timer enabled.
/// </summary>
public sealed class ReportFunctions(ReportPublisher publisher)
{
    [Function("PublishReport")]
    public async Task<HttpResponseData> PublishAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "report")] HttpRequestData request,
        CancellationToken cancellationToken)
    {
        var prefix = request.Query["prefix"] ?? "";
        if (ReportPublisher.PrefixProblem(prefix) is { } problem)
        {
            return await AnswerAsync(request, HttpStatusCode.BadRequest, new { error = problem }, cancellationToken).ConfigureAwait(false);
        }

        var published = await publisher.PublishAsync(prefix, cancellationToken).ConfigureAwait(false);
        var totals = published.Report.Totals;
        return await AnswerAsync(request, HttpStatusCode.OK, new { report = published.BlobName, files = totals.Files, failures = totals.Failures, bytes = published.Html.Length }, cancellationToken).ConfigureAwait(false);
    }

    [Function("ScheduledReport")]
    public Task PublishOnScheduleAsync(
        [TimerTrigger("%" + AppSettings.ReportSchedule + "%")] TimerInfo timer,
        CancellationToken cancellationToken) =>
        publisher.PublishAsync("", cancellationToken);

    private static async Task<HttpResponseData> AnswerAsync<T>(HttpRequestData request, HttpStatusCode status, T body, CancellationToken cancellationToken)
    {
        var response = request.CreateResponse();
        await response.WriteAsJsonAsync(body, cancellationToken).ConfigureAwait(false);
        // After the body: WriteAsJsonAsync of the 1.x worker set 200 whatever was there.
        response.StatusCode = status;
        return response;
    }
}
