using System.Collections.Concurrent;
using System.Reflection;

namespace MemAlign.Labeling.Tests;

/// <summary>A store interface that counts the calls made through it, by method name, and passes them on.</summary>
public class CountingStore : DispatchProxy
{
    private object _target = null!;
    private ConcurrentDictionary<string, int> _calls = null!;
    private Func<string, Exception?> _fault = _ => null;

    /// <summary><paramref name="target"/> seen through <typeparamref name="T"/>, counting into <paramref name="calls"/>.</summary>
    /// <param name="fault">By method name, an exception the call throws instead of passing on (null: pass it on).</param>
    public static T Wrap<T>(T target, ConcurrentDictionary<string, int> calls, Func<string, Exception?>? fault = null)
        where T : class
    {
        var proxy = Create<T, CountingStore>();
        var counting = (CountingStore)(object)proxy;
        counting._target = target!;
        counting._calls = calls;
        counting._fault = fault ?? counting._fault;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        _calls.AddOrUpdate(targetMethod!.Name, 1, (_, count) => count + 1);
        if (_fault(targetMethod.Name) is { } fault)
        {
            throw fault;
        }

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
