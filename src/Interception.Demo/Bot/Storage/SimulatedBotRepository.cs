using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Interception.Demo.Bot.Channels;
using Interception.Demo.Bot.Posts;
using Interception.Demo.Simulation;
using Interception.Metrics;

namespace Interception.Demo.Bot.Storage;

/// <summary>
/// An in-memory stand-in for the database: 2-30 ms per query, about 1 % failures, and a small connection pool
/// whose use it reports for <c>database_connections_active</c>.
/// </summary>
internal sealed class SimulatedBotRepository(ChaosSource chaos, TimeProvider time) : IBotRepository, IDatabaseMetricsProvider
{
    private const int PoolSize = 10;
    private readonly ConcurrentDictionary<long, Channel> _channels = new();
    private readonly ConcurrentDictionary<int, Post> _posts = new();
    private readonly SemaphoreSlim _pool = new(PoolSize, PoolSize);
    private int _postIds;
    private int _users = 1_000;

    public async Task<IReadOnlyList<Channel>> GetChannelsAsync(CancellationToken cancellationToken)
    {
        await QueryAsync(cancellationToken);
        return [.. _channels.Values];
    }

    public async Task SaveChannelAsync(Channel channel, CancellationToken cancellationToken)
    {
        await QueryAsync(cancellationToken);
        _channels[channel.Id] = channel;
    }

    public async Task<int> CountUsersAsync(CancellationToken cancellationToken)
    {
        await QueryAsync(cancellationToken);
        return Interlocked.Add(ref _users, chaos.Next(0, 3));
    }

    public async Task<Post> SavePostAsync(Post post, CancellationToken cancellationToken)
    {
        await QueryAsync(cancellationToken);
        var saved = post with { Id = Interlocked.Increment(ref _postIds) };
        _posts[saved.Id] = saved;
        return saved;
    }

    public async Task<IReadOnlyList<Post>> GetDuePostsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await QueryAsync(cancellationToken);
        return [.. _posts.Values.Where(p => p.MessageId is null && p.PublishAt <= now).Take(20)];
    }

    public async Task<int> CountScheduledPostsAsync(CancellationToken cancellationToken)
    {
        await QueryAsync(cancellationToken);
        return _posts.Values.Count(p => p.MessageId is null);
    }

    public async Task MarkPublishedAsync(int postId, int messageId, CancellationToken cancellationToken)
    {
        await QueryAsync(cancellationToken);
        if (_posts.TryGetValue(postId, out var post))
        {
            _posts[postId] = post with { MessageId = messageId };
        }
    }

    public async Task UpdateViewsAsync(int postId, int views, CancellationToken cancellationToken)
    {
        await QueryAsync(cancellationToken);
        if (_posts.TryGetValue(postId, out var post))
        {
            _posts[postId] = post with { Views = views };
        }
    }

    public async IAsyncEnumerable<Post> StreamPublishedPostsAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await QueryAsync(cancellationToken);
        foreach (var post in _posts.Values.Where(p => p.MessageId is not null).OrderByDescending(p => p.Id).Take(25))
        {
            yield return post;
        }
    }

    public Task<DatabasePoolStatus> ReadAsync(CancellationToken cancellationToken = default)
    {
        var active = PoolSize - _pool.CurrentCount;
        return Task.FromResult(new DatabasePoolStatus(active, PoolSize - active, PoolSize));
    }

    private async Task QueryAsync(CancellationToken cancellationToken)
    {
        await _pool.WaitAsync(cancellationToken);
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(chaos.Next(2, 30)), time, cancellationToken);
            if (chaos.Chance(0.01))
            {
                throw new InvalidOperationException("deadlock detected; transaction rolled back");
            }
        }
        finally
        {
            _pool.Release();
        }
    }
}
