namespace MemAlign.Cli.Json;

/// <summary>A memory file written (<c>judges export</c>, <c>align --out</c>).</summary>
/// <param name="Path">The file, as given.</param>
/// <param name="Judge">The judge.</param>
/// <param name="Version">The version it holds.</param>
/// <param name="Guidelines">Guidelines in it.</param>
/// <param name="Examples">Examples in it.</param>
/// <param name="Bytes">Its size.</param>
internal sealed record MemoryFileJson(string Path, string Judge, int Version, int Guidelines, int Examples, long Bytes);

/// <summary><c>memalign judges export NAME --out FILE --json</c>: the file written.</summary>
/// <param name="File">The file.</param>
internal sealed record JudgeExportResult(MemoryFileJson File) : JsonResult;

/// <summary>A memory file that <c>forget --memory-files</c> rewrote.</summary>
/// <param name="Path">The file, relative to the working folder.</param>
/// <param name="Judge">The judge it belongs to.</param>
/// <param name="Examples">Examples removed.</param>
/// <param name="GuidelinesDropped">Guidelines dropped because they cited a forgotten trace.</param>
/// <param name="GuidelineSources">The sources those guidelines had.</param>
/// <param name="ToRedistill">Examples of other traces those guidelines cited, distilled again on the next align.</param>
internal sealed record MemoryFileForgetJson(string Path, string Judge, int Examples, int GuidelinesDropped, int GuidelineSources, int ToRedistill);
