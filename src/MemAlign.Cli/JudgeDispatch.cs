using MemAlign.Storage;

namespace MemAlign.Cli;

/// <summary>Something done with a registered judge whose C# value type is only known at run time.</summary>
internal interface ITypedJudgeAction<TResult>
{
    Task<TResult> RunAsync<T>(RegisteredJudge registered);
}

/// <summary>Calls an action with the C# type that holds a judge's values: bool, int, double or string.</summary>
internal static class JudgeDispatch
{
    public static Task<TResult> RunAsync<TResult>(RegisteredJudge registered, ITypedJudgeAction<TResult> action) => registered.Definition.ValueType.Kind switch
    {
        FeedbackTypeKind.Boolean => action.RunAsync<bool>(registered),
        FeedbackTypeKind.Integer => action.RunAsync<int>(registered),
        FeedbackTypeKind.Number => action.RunAsync<double>(registered),
        _ => action.RunAsync<string>(registered),
    };
}
