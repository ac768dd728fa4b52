namespace Interception.Metrics.Autofac.Tests.Fixtures;

public interface IReportService
{
    int Render();

    int Count();
}
