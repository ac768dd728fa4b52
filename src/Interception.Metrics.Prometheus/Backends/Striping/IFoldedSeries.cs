namespace Interception.Metrics.Prometheus;

/// <summary>A series that records into cells of its own and moves them into its prometheus-net child when the registry collects.</summary>
internal interface IFoldedSeries
{
    /// <summary>Moves everything recorded since the last fold into the prometheus-net child.</summary>
    void Fold();
}
