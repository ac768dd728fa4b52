using System.Reflection;
using System.Runtime.CompilerServices;

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
            return new ValueTaskReturnHandler();
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

        return typeof(Task).IsAssignableFrom(returnType) ? ObservedTaskReturnHandler.Instance : ValueReturnHandler.Instance;
    }

    /// <summary>
    /// Why a method returning <paramref name="returnType"/> is timed only until it returns although its work may go
    /// on (an awaitable or async stream type the interceptor can neither follow nor stand in for), or
    /// <see langword="null"/>.
    /// </summary>
    public static string? Limitation(Type returnType)
    {
        if (returnType.ContainsGenericParameters || typeof(Task).IsAssignableFrom(returnType) || returnType == typeof(ValueTask)
            || (returnType.IsGenericType && returnType.GetGenericTypeDefinition() is var definition
                && (definition == typeof(ValueTask<>) || definition == typeof(IAsyncEnumerable<>))))
        {
            return null;
        }

        if (IsAwaitable(returnType))
        {
            return $"returns {TypeDisplay.Of(returnType)}, an awaitable other than Task and ValueTask, which the interceptor can neither "
                + "await in the caller's place nor replace; it is timed until it returns, not until it completes";
        }

        if (returnType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IAsyncEnumerable<>)))
        {
            return $"returns {TypeDisplay.Of(returnType)}, an async stream type other than IAsyncEnumerable<T>, which the interceptor "
                + "cannot replace with a timed stream; it is timed until it returns, not over its enumeration";
        }

        return null;
    }

    private static bool IsAwaitable(Type type) =>
        type.IsDefined(typeof(AsyncMethodBuilderAttribute), inherit: false)
        || type.GetMethod("GetAwaiter", BindingFlags.Public | BindingFlags.Instance, Type.EmptyTypes) is { } getAwaiter
            && getAwaiter.ReturnType.GetProperty("IsCompleted") is not null;
}
