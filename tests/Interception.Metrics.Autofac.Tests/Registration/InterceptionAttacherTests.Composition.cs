using Autofac;
using Castle.DynamicProxy;
using Interception.Metrics.Autofac.Tests.Fixtures;
using Interception.Metrics.Autofac.Tests.TestSupport;

namespace Interception.Metrics.Autofac.Tests.Registration;

/// <summary>Timed components combined with Autofac decorators and other Castle interceptors.</summary>
public abstract partial class InterceptionAttacherTests
{
    [Fact]
    public void RegisterDecorator_InterfaceCarriesAttribute_TimesEachCallOnce()
    {
        using var container = Build(b =>
        {
            b.RegisterType<MessageFormatter>().As<IMessageFormatter>();
            b.RegisterDecorator<MessageFormatterDecorator, IMessageFormatter>();
        });

        var formatter = container.Resolve<IMessageFormatter>();

        Assert.Equal("[HI]", formatter.Format("hi"));
        Assert.Equal("[YO]", formatter.Format("yo"));
        var decorator = Assert.IsType<MessageFormatterDecorator>(formatter);
        Assert.True(IsTimed(decorator.Inner));
        Assert.Equal(2, container.Memory().Calls("MessageFormatter.Format"));
        Assert.Equal(["MessageFormatter.Format"], container.Memory().TimedFunctions());
        Assert.Equal(2, container.Memory().GetHistogram(MetricNames.FunctionDuration, ("function", "MessageFormatter.Format")).Count);
    }

    [Fact]
    public void RegisterDecorator_DecoratorCarriesOwnAttribute_TimesDecoratorAndDecoratedUnderTheirNames()
    {
        using var container = Build(b =>
        {
            b.RegisterType<Quotes>().As<IQuotes>().SingleInstance();
            b.RegisterDecorator<CachingQuotes, IQuotes>();
        });

        var quotes = container.Resolve<IQuotes>();

        Assert.Equal("EUR=42", quotes.Quote("EUR"));
        Assert.Equal("EUR=42", quotes.Quote("EUR"));
        Assert.True(IsTimed(quotes));
        Assert.Equal(2, container.Memory().Calls("CachingQuotes.Quote"));
        Assert.Equal(1, container.Memory().Calls("Quotes.Quote"));
        Assert.Equal(2, container.Memory().GetHistogram(MetricNames.FunctionDuration, ("function", "CachingQuotes.Quote")).Count);
    }

    [Fact]
    public void RegisterDecorator_OwnAttributeOnOneMethod_TimesThatOneAndLeavesInheritedOnesToTheDecorated()
    {
        using var container = Build(b =>
        {
            b.RegisterType<Prices>().As<IPrices>();
            b.RegisterDecorator<AuditedPrices, IPrices>();
        });

        var prices = container.Resolve<IPrices>();

        Assert.Equal(9.5m, prices.Price("EUR"));
        Assert.Equal("EUR", prices.Currency());
        Assert.Equal(["Prices.Currency", "Prices.Price", "prices.audited"], container.Memory().TimedFunctions());
        Assert.Equal(1, container.Memory().Calls("prices.audited"));
        Assert.Equal(1, container.Memory().Calls("Prices.Currency"));
    }

    [Fact]
    public void Register_LambdaReturningAnotherTimedComponent_TimesEachCallOnce()
    {
        using var container = Build(b =>
        {
            b.RegisterType<Calculator>().Keyed<ICalculator>("inner");
            b.Register(c => c.ResolveKeyed<ICalculator>("inner")).As<ICalculator>();
        });

        var calculator = container.Resolve<ICalculator>();

        Assert.Equal(3, calculator.Add(1, 2));
        Assert.Equal(1, container.Memory().Calls("Calculator.Add"));
        Assert.Equal(1, container.Memory().GetHistogram(MetricNames.FunctionDuration, ("function", "Calculator.Add")).Count);
    }
}
