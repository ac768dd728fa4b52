namespace Interception.Metrics.Timing.Returns;

/// <summary>Chooses the <see cref="ReturnHandler"/> for a return type, once per method.</summary>
internal static class ReturnHandlers
{
    public static ReturnHandler For(Type returnType)
    {
        if (returnType == typeof(Task))
        {
            return TaskReturnHandler.Instance;
        }

        if (returnType == typeof(ValueTask))
        {
            return ValueTaskReturnHandler.Instance;
        }

        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            var handler = definition == typeof(Task<>) ? typeof(TaskReturnHandler<>)
                : definition == typeof(ValueTask<>) ? typeof(ValueTaskReturnHandler<>)
                : definition == typeof(IAsyncEnumerable<>) ? typeof(AsyncEnumerableReturnHandler<>)
                : null;
            if (handler is not null)
            {
                return (ReturnHandler)Activator.CreateInstance(handler.MakeGenericType(returnType.GetGenericArguments()))!;
            }
        }

        return ValueReturnHandler.Instance;
    }
}
