namespace MemAlign.Cli;

/// <summary>What the process's exit code means, for scripts and CI.</summary>
internal static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Ok = 0;

    /// <summary>It ran, but the data had problems: bad import lines, error verdicts, failed distillation.</summary>
    public const int Findings = 1;

    /// <summary>The command could not run: bad arguments, configuration or store.</summary>
    public const int Usage = 2;

    /// <summary>It ran, and a quality gate (--fail-under, --max-error-rate) failed: a figure fell short or the judge erred too often.</summary>
    public const int GateFailed = 3;
}

/// <summary>A problem with how the tool was called or configured; the message says what to fix (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message)
{
    /// <summary>A library's refusal of what the user asked (an <see cref="ArgumentException"/> or an <see cref="InvalidOperationException"/>), as the user should read it: its message without the " (Parameter 'x')" suffix.</summary>
    public static UsageException From(Exception refusal) => new(refusal.Message.Split(" (Parameter", StringSplitOptions.None)[0]);
}

/// <summary>The command ran but could not finish what the data asked for; the message says why (exit code 1).</summary>
internal sealed class FindingsException(string message) : Exception(message);
