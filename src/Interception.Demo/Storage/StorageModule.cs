using Autofac;

namespace Interception.Demo.Storage;

/// <summary>The database file, its connections and the repositories (each repository method is timed as <c>Database</c>).</summary>
internal sealed class StorageModule(DatabaseFile file) : Module
{
    protected override void Load(ContainerBuilder builder)
    {
        builder.RegisterInstance(file).ExternallyOwned();
        builder.RegisterType<Database>().SingleInstance();
        builder.RegisterType<UpdateLog>().As<IUpdateLog>().SingleInstance();
        builder.RegisterType<UserRepository>().As<IUserRepository>().SingleInstance();
        builder.RegisterType<ChannelRepository>().As<IChannelRepository>().SingleInstance();
        builder.RegisterType<PostRepository>().As<IPostRepository>().SingleInstance();
    }
}
