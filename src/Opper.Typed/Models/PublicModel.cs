// The shared core (src/Shared) declares its model without an access modifier, so it is internal in the Roslyn assembly
// and public here: the runtime is the one assembly whose public API it is. Its documentation is on the core's files.
namespace Opper.Typed;

public sealed partial class VideoModelSpec;

public sealed partial class VideoParameterSpec;

public sealed partial class VideoParameterValue;

public partial interface IVideoModelCatalog;

public sealed partial class VideoModelCatalog;

public static partial class VideoCapabilities;

public static partial class VideoFrameSize;
