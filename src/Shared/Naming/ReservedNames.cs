namespace Opper.Typed.Core.Naming
{
    /// <summary>Names the generated code cannot use, because the runtime, the registry or every request class already has them.</summary>
    internal static class ReservedNames
    {
        /// <summary>
        /// The public types of the runtime in namespace <c>Opper.Typed</c> (a test checks this list against the runtime
        /// assembly), and the generated registry class.
        /// </summary>
        public static readonly string[] Types =
        {
            "OpperVideoModels", "IVideoRequest", "VideoRequest", "VideoWireRequest", "MediaInput", "MediaSourceKind", "VideoJob", "VideoJobState",
            "VideoStatus", "VideoModelInfo", "VideoModelList", "VideoModelParams", "VideoModelPricing", "VideoModelSpec", "VideoParameterSpec",
            "VideoParameterValue", "VideoParameterType", "VideoCapabilities", "VideoFrameSize", "IVideoModelCatalog", "VideoModelCatalog",
            "VideoRequestValidator", "VideoRequestNotice", "OpperVideoClient", "OpperVideoClientOptions", "VideoPollingOptions", "VideoRetryOptions",
            "VideoProgress", "VideoProgressStage", "OpperException", "OpperApiException", "OpperValidationException", "VideoGenerationFailedException",
            "VideoGenerationTimeoutException", "OpperVideosServiceCollectionExtensions", "OpperJsonContext", "IOpperVideosApi", "ApiErrorEnvelope",
            "ApiError", "VideoGenerationOperation", "OpperTelemetry", "VideoParameterRanges", "VideoProgressPhase", "VideoGenerationCanceledException",
            "VideoGenerationInterruptedException", "VideoSubmissionUncertainException", "OpperMetrics", "OpperFile", "OpperFilesClient",
            "OpperFileUploadOptions", "MediaUploadMode", "VideoCostEstimate", "VideoBudget", "OpperBudgetExceededException",
        };

        /// <summary>The members of <c>OpperVideoModels</c> besides the per-model properties, and <c>object</c>'s.</summary>
        public static readonly string[] RegistryMembers =
        {
            "OpperVideoModels", "Catalog", "RegisterCatalog", "Equals", "GetHashCode", "ToString", "GetType", "ReferenceEquals", "MemberwiseClone", "Finalize",
        };

        /// <summary>The members every generated request class has, which no parameter property may take.</summary>
        public static readonly string[] RequestMembers =
        {
            "ModelId", "Model", "ModelSpec", "AdditionalParameterKeys", "Prompt", "Image", "Video", "ReferenceImages", "Store", "AdditionalParameters", "ToWireRequest", "ToWire",
            "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize", "EqualityContract", "PrintMembers", "Deconstruct", "Clone",
        };
    }
}
