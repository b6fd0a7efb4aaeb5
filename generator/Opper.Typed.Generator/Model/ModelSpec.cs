namespace Opper.Typed.Generator.Model
{
    /// <summary>The JSON type a parameter is sent as.</summary>
    internal enum WireType
    {
        String,
        Number,
        Integer,
        Boolean,
    }

    /// <summary>One member of a generated enum: its C# name and the C# expression of its wire value.</summary>
    internal sealed record EnumMemberSpec(string Name, string WireText, string WireLiteral);

    /// <summary>One typed parameter of a request class.</summary>
    internal sealed record ParameterSpec(
        string WireName,
        string PropertyName,
        WireType Type,
        string? EnumName,
        EquatableArray<EnumMemberSpec> Members,
        double? Minimum,
        double? Maximum,
        string? Description);

    /// <summary>Everything the emitter needs for one model; one generated file each.</summary>
    internal sealed record ModelSpec(
        string Id,
        string Provider,
        string ClassName,
        string RegistryName,
        string DisplayName,
        string Description,
        EquatableArray<string> Capabilities,
        EquatableArray<string> AcceptedMedia,
        bool PublicUrlsOnly,
        string? ImageSizeParameter,
        bool HasDialect,
        EquatableArray<ParameterSpec> Parameters,
        double? MaxDuration,
        string? PricePerSecond,
        string? PricePerGeneration,
        string? RetiredAt,
        string? Successor,
        string? SuccessorClassName,
        bool IsPublic)
    {
        public bool TakesImage => Capabilities.Contains("image_to_video");

        public bool TakesVideo => Capabilities.Contains("video_editing");
    }

    /// <summary>The whole parse: models to emit and problems to report. Models are emitted only when no error stopped the parse.</summary>
    internal sealed record CatalogResult(EquatableArray<ModelSpec> Models, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>An input file's path and text, as the pipeline compares it.</summary>
    internal sealed record InputFile(string Role, string Path, string Text);

    /// <summary>Project-wide options read from MSBuild properties.</summary>
    internal sealed record GeneratorOptions(bool PublicTypes, bool RegisterModels = true);
}
