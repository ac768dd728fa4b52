namespace Interception.Demo.Jobs;

/// <summary>
/// Work the bot does on a schedule, run by <see cref="JobScheduler"/>. Each implementation times its
/// <see cref="RunAsync"/> as a <c>BackgroundTask</c> with its attribute.
/// </summary>
internal interface IRecurringJob
{
    /// <summary>The pause between the end of one run and the start of the next.</summary>
    TimeSpan Interval { get; }

    Task RunAsync(CancellationToken cancellationToken);
}
