using System.Net;

namespace Interception.Metrics.Testing;

/// <summary>What <c>/api/v1/query</c> answered: HTTP status, whether Prometheus reported success, how many series.</summary>
public sealed record PrometheusQueryResponse(HttpStatusCode StatusCode, bool Success, int SeriesCount, string Body);
