namespace Opper.Typed
{
#pragma warning disable CA1720 // The members name JSON types, not .NET ones.
    /// <summary>The JSON type a parameter is sent as.</summary>
    public enum VideoParameterType
    {
        /// <summary>A JSON string.</summary>
        String,

        /// <summary>A JSON number.</summary>
        Number,

        /// <summary>A JSON number without a fraction.</summary>
        Integer,

        /// <summary>A JSON <c>true</c> or <c>false</c>.</summary>
        Boolean,
    }
#pragma warning restore CA1720
}
