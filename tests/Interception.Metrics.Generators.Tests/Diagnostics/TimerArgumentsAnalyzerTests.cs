using Verify = Interception.Metrics.Generators.Tests.Verification.AnalyzerVerifier<Interception.Metrics.Generators.Diagnostics.TimerArgumentsAnalyzer>;

namespace Interception.Metrics.Generators.Tests.Diagnostics;

public class TimerArgumentsAnalyzerTests
{
    [Fact]
    public Task Analyze_ArgumentsOfTheReadmeAndFixtures_ReportsNothing() => Verify.VerifyAsync("""
        using Interception.Metrics;

        public interface IChannels
        {
            [MetricsTimer(MetricKind.Database, Name = "select_channels")] void Select();
            [MetricsTimer(MetricKind.TelegramApi, Name = "sendMessage")] void Send();
            [MetricsTimer(MetricKind.BackgroundTask, Name = "refresh_views")] void Refresh();
            [MetricsTimer(MetricKind.Http, Name = "/telegram/webhook", HttpMethod = "POST")] void Webhook();
            [MetricsTimer(MetricKind.Http, Name = "/orders/{id:int}")] void Order();
            [MetricsTimer(Labels = ["team=core", "tier=gold"])] void Labelled();
            [MetricsTimer(MetricKind.Database, Name = "select_orders", Labels = new[] { "shard=eu", " team = core" })] void Spaced();
            [MetricsTimer(Labels = ["endpoint=/x", "empty="])] void NotReservedForFunctions();
            [MetricsTimer(Name = "reports.render", Labels = null)] void Nulls();
        }
        """);

    [Fact]
    public Task Analyze_MalformedLabelsEntries_ReportsInterm006OnEachEntry() => Verify.VerifyAsync("""
        using Interception.Metrics;

        public interface IOrders
        {
            [MetricsTimer(Labels = [{|INTM006:"nokey"|}, "team=core", {|INTM006:"tier:gold"|}])] void A();
            [MetricsTimer(Labels = new[] { {|INTM006:"=value"|}, {|INTM006:" =value"|}, {|INTM006:"9lives=x"|}, {|INTM006:"__meta=x"|}, {|INTM006:"team-name=x"|} })] void B();
            [MetricsTimer(Labels = [{|INTM006:null|}, {|INTM006:Constants.NoKey|}])] void C();
        }

        public static class Constants
        {
            public const string NoKey = "x";
        }
        """);

    [Fact]
    public Task Analyze_LabelTakenByTheKindOrGivenTwice_ReportsInterm007() => Verify.VerifyAsync("""
        using Interception.Metrics;

        public interface IOrders
        {
            [MetricsTimer(Labels = [{|INTM007:"function=x"|}, {|INTM007:"status=ok"|}, {|INTM007:"le=1"|}])] void Function();
            [MetricsTimer(MetricKind.Http, Labels = [{|INTM007:"endpoint=/x"|}, {|INTM007:"method=GET"|}, "function=f"])] void Http();
            [MetricsTimer(MetricKind.Database, Labels = [{|INTM007:"operation=x"|}])] void Database();
            [MetricsTimer(MetricKind.TelegramApi, Labels = [{|INTM007:"method=x"|}])] void Telegram();
            [MetricsTimer(MetricKind.BackgroundTask, Labels = [{|INTM007:"task_name=x"|}])] void Task();
            [MetricsTimer(Labels = ["team=a", {|INTM007:" team=b"|}])] void Twice();
        }
        """);

    [Fact]
    public Task Analyze_NameThatDoesNotRenderAsWritten_ReportsInterm008() => Verify.VerifyAsync($$"""
        using Interception.Metrics;

        public interface IOrders
        {
            [MetricsTimer(Name = {|INTM008:""|})] void Empty();
            [MetricsTimer(MetricKind.Http, Name = {|INTM008:"   "|})] void Blank();
            [MetricsTimer(MetricKind.Database, Name = {|INTM008:" select_orders "|})] void Padded();
            [MetricsTimer(Name = {|INTM008:"line\nbreak"|})] void Control();
            [MetricsTimer(Name = {|INTM008:"\uD83D"|})] void LoneSurrogate();
            [MetricsTimer(Name = {|INTM008:"{{new string('x', 201)}}"|})] void Long();
            [MetricsTimer(Name = "{{new string('x', 200)}}")] void LongestKept();
            [MetricsTimer(Name = "ünï 🚀 |#:,@")] void Unicode();
            [MetricsTimer(Name = {|INTM008:Names.Empty|})] void Constant();
        }

        public static class Names
        {
            public const string Empty = "";
        }
        """);

    [Fact]
    public Task Analyze_HttpMethodOutsideHttpKind_ReportsInterm009() => Verify.VerifyAsync("""
        using Interception.Metrics;

        public interface IOrders
        {
            [MetricsTimer(MetricKind.Database, {|INTM009:HttpMethod = "POST"|})] void Database();
            [MetricsTimer({|INTM009:HttpMethod = "GET"|})] void Function();
            [MetricsTimer(MetricKind.Http, HttpMethod = "DELETE")] void Http();
        }

        [MetricsTimer(MetricKind.BackgroundTask, {|INTM009:HttpMethod = "PUT"|})]
        public interface IJobs { void Run(); }
        """);
}
