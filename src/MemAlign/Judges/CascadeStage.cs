namespace MemAlign;

/// <summary>The stage of a cascade that answered a trace.</summary>
public enum CascadeStage
{
    /// <summary>The local memory judge, confident enough to answer without a model call.</summary>
    Local,

    /// <summary>The model judge, asked because the local judge was not confident enough.</summary>
    Model,
}
