using System.Collections.Concurrent;
using System.Reflection;

namespace MemAlign.Labeling.Tests;

/// <summary>A store interface that counts the calls made through it, by method name, and passes them on.</summary>
public class CountingStore : DispatchProxy
{
    private object _target = null!;
    private ConcurrentDictionary<string, int> _calls = null!;

    /// <summary><paramref name="target"/> seen through <typeparamref name="T"/>, counting into <paramref name="calls"/>.</summary>
    public static T Wrap<T>(T target, ConcurrentDictionary<string, int> calls)
        where T : class
    {
        var proxy = Create<T, CountingStore>();
        var counting = (CountingStore)(object)proxy;
        counting._target = target!;
        counting._calls = calls;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        _calls.AddOrUpdate(targetMethod!.Name, 1, (_, count) => count + 1);
        try
        {
            return targetMethod.Invoke(_target, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }
}
