using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Interception.Demo.Jobs;

/// <summary>
/// Runs every <see cref="IRecurringJob"/> on its interval until the application stops, and counts the runs in
/// progress in <see cref="JobActivity"/>. A failed run was timed and counted as failed; the job runs again after its
/// interval.
/// </summary>
internal sealed class JobScheduler(IEnumerable<IRecurringJob> jobs, JobActivity activity, TimeProvider time, ILogger<JobScheduler> logger)
    : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(jobs.Select(job => RunAsync(job, stoppingToken)));

    private async Task RunAsync(IRecurringJob job, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            activity.Enter();
            try
            {
                await job.RunAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogDebug(exception, "A run of {Job} failed; it runs again in {Interval}.", job.GetType().Name, job.Interval);
            }
            finally
            {
                activity.Exit();
            }

            try
            {
                await Task.Delay(job.Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
