using Autofac;
using Interception.Benchmarks.Setup;
using Interception.Benchmarks.Targets;

namespace Interception.Benchmarks.Paired;

/// <summary>
/// The cheap rows of <c>ObservationBenchmarks</c> measured by <see cref="PairedRun"/>: what tracing with nobody
/// listening, exemplars, an enum or bool label and the in-progress gauge add to a timed call, to the nanosecond.
/// </summary>
internal static class ObservationPairs
{
    public static string Run()
    {
        var containers = new List<IContainer>();
        IObservedWorker Worker(params (string Key, string Value)[] settings)
        {
            var container = MetricsContainers.Build(MetricsSetup.Prometheus, b => b.RegisterType<ObservedWorker>().As<IObservedWorker>().SingleInstance(), settings);
            containers.Add(container);
            return container.Resolve<IObservedWorker>();
        }

        try
        {
            var tracingOff = Worker(("Metrics:Tracing:Enabled", "false"));
            var defaults = Worker();
            var exemplarsOff = Worker(("Metrics:Tracing:Enabled", "false"), ("Metrics:Backends:Prometheus:Exemplars", "false"));
            var withLabels = PairedRun.Run(
                "ObservationPairs",
                [
                    ("TracingOff", () => tracingOff.Work(1)),
                    ("TracingOnNoListener", () => defaults.Work(1)),
                    ("ExemplarsOff", () => exemplarsOff.Work(1)),
                    ("TrackInProgress", () => defaults.Tracked(1)),
                ]);
            var labels = PairedRun.Run(
                "ObservationPairs, labels (against the same signature without labels)",
                [
                    ("NoLabelSameSignature", () => defaults.Publish(Audience.Private, true, 1)),
                    ("EnumLabel", () => defaults.PublishByAudience(Audience.Private, true, 1)),
                    ("BoolLabel", () => defaults.PublishByUrgency(Audience.Private, true, 1)),
                ]);
            return withLabels + Environment.NewLine + labels;
        }
        finally
        {
            foreach (var container in containers)
            {
                container.Dispose();
            }
        }
    }
}
