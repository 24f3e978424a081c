// The one sanctioned use of the banned TimeProvider.System (RS0030): see the summary.
#pragma warning disable RS0030

namespace MemAlign;

/// <summary>
/// The one place library code names the machine's clock (BannedSymbols.txt bans <see cref="TimeProvider.System"/>
/// everywhere else): the default of every options record's <c>TimeProvider</c> and of the creation times a
/// record stamps when none is given. Everything else takes time from the provider it is given. Compiled into each
/// library (src/Directory.Build.props links it) as an internal type: no package exposes it.
/// </summary>
internal static class SystemClock
{
    /// <summary>The machine's clock.</summary>
    public static TimeProvider Default => TimeProvider.System;
}
