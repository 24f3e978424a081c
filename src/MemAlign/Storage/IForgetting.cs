namespace MemAlign.Storage;

/// <summary>Forgetting: data about traces removed from everywhere it was copied, and erased from storage.</summary>
public interface IForgetting
{
    /// <summary>
    /// Forgets traces: removes them, their assessments and evaluation results, every episodic example that
    /// came from them and their ids from every guideline's sources, in every judge version (a distilled
    /// guideline left with no source is dropped). The removed text is then physically erased from storage.
    /// Forgetting wins over writers running at the same time: a judge version or verdicts built from a trace read
    /// before it was forgotten are written without it. Importing the trace again brings it back.
    /// Ids that named nothing are listed in <see cref="ForgetReport.UnmatchedTraceIds"/>.
    /// </summary>
    /// <exception cref="ArgumentException">An id is empty.</exception>
    Task<ForgetReport> ForgetAsync(string experiment, IEnumerable<string> traceIds, CancellationToken cancellationToken = default);
}
