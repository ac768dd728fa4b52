using Autofac;
using Telegram.Bot;

namespace Interception.Demo.Telegram;

/// <summary>Telegram.Bot's client, pointed at <paramref name="apiAddress"/>, and the timed gateway the bot calls it through.</summary>
internal sealed class TelegramModule(BotApiSettings settings, Uri apiAddress) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(settings);

        // One HttpClient for the bot's lifetime. No HttpClient timeout: each call's deadline is the gateway's
        // (Telegram:RequestTimeout), so that a call past it is canceled rather than failed.
        builder.Register(_ => new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(2) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            })
            .Named<HttpClient>("bot-api")
            .SingleInstance();
        builder.Register(c => new TelegramBotClient(
                new TelegramBotClientOptions(settings.Token, apiAddress.GetLeftPart(UriPartial.Authority)) { RetryCount = settings.RetryCount },
                c.ResolveNamed<HttpClient>("bot-api")))
            .As<ITelegramBotClient>()
            .SingleInstance();
        builder.RegisterType<BotApi>().As<IBotApi>().SingleInstance();
    }
}
