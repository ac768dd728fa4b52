using Autofac;

namespace Interception.Demo.Webhook;

/// <summary>The webhook's secret check, the dispatcher and the handlers (timed by their attributes).</summary>
internal sealed class WebhookModule(WebhookSettings settings) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(settings);
        builder.RegisterType<WebhookSecret>().SingleInstance();
        builder.RegisterType<UpdateDispatcher>().As<IUpdateDispatcher>().SingleInstance();
        builder.RegisterType<MessageHandler>().As<IMessageHandler>().SingleInstance();
        builder.RegisterType<ChannelPostHandler>().As<IChannelPostHandler>().SingleInstance();
        builder.RegisterType<CallbackQueryHandler>().As<ICallbackQueryHandler>().SingleInstance();
    }
}
