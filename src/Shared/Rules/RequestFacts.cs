using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>A media input as the rules see it: the wire field (<c>image</c>, <c>video</c>, <c>reference_images[0]</c>) and its string.</summary>
    internal readonly struct MediaFact
    {
        /// <summary>
        /// What the analyzer knows of local bytes it cannot read (<c>MediaInput.FromFile(path)</c>): they become a data-URI,
        /// so they are judged as one, with no pixels for the image-size rule to read.
        /// </summary>
        public const string LocalBytes = "data:application/octet-stream;base64,";

        public MediaFact(string field, string value, bool uploadable = false)
        {
            Field = field;
            Value = value;
            Uploadable = uploadable;
        }

        public string Field { get; }

        public string Value { get; }

        /// <summary>
        /// Local bytes the client uploads to Opper Files and sends as a file id when the provider takes no data-URI
        /// (<c>MediaInput.FromFile</c>, <c>FromBytes</c>): such a value reaches every model that takes a file id.
        /// </summary>
        public bool Uploadable { get; }
    }

    /// <summary>A parameter as the rules see it: the wire key, and its value when known (the analyzer cannot know every value).</summary>
    internal readonly struct ParameterFact
    {
        public ParameterFact(string key, JsonLiteral? value, bool additional = false, string? undefinedMember = null)
        {
            Key = key;
            Value = value;
            Additional = additional;
            UndefinedMember = undefinedMember;
        }

        public string Key { get; }

        public JsonLiteral? Value { get; }

        /// <summary>Set through a typed request's <c>AdditionalParameters</c>: the escape hatch, where unknown keys are allowed.</summary>
        public bool Additional { get; }

        /// <summary>
        /// A typed enum property cast from a number no member has (<c>(Sora2Seconds)4</c>), as that number (<c>4</c>); the
        /// value is null then, as such a value has no wire form. Only the analyzer sees one: at run time the generated
        /// class refuses it before a wire body exists, with <see cref="ValueOutOfRangeRule.UndefinedMemberProblem"/>'s words.
        /// </summary>
        public string? UndefinedMember { get; }
    }

    /// <summary>
    /// What is known of one request, in neutral terms: the runtime fills it from the wire body, the analyzer from the
    /// constants it can prove, the emulator from the posted JSON. Every rule reads only this.
    /// </summary>
    internal sealed class RequestFacts
    {
        public RequestFacts(string? modelId, VideoModelSpec? model, bool typed, IVideoModelCatalog? catalog = null)
        {
            Reset(modelId, model, typed, catalog);
        }

        /// <summary>The model id, when known; null when the analyzer sees a non-constant id.</summary>
        public string? ModelId { get; private set; }

        /// <summary>The model's spec, when the catalog (or the typed class) has it.</summary>
        public VideoModelSpec? Model { get; private set; }

        /// <summary>Whether the request is a generated typed class (its keys and JSON types are right by construction).</summary>
        public bool Typed { get; private set; }

        /// <summary>The catalog the id was looked up in, for "did you mean".</summary>
        public IVideoModelCatalog? Catalog { get; private set; }

        /// <summary>
        /// Makes this instance describe another request, keeping its lists' storage: the runtime checks every request it
        /// sends, and a valid one should cost no allocation.
        /// </summary>
        public void Reset(string? modelId, VideoModelSpec? model, bool typed, IVideoModelCatalog? catalog)
        {
            ModelId = modelId;
            Model = model;
            Typed = typed;
            Catalog = catalog;
            Media.Clear();
            Parameters.Clear();
        }

        public List<MediaFact> Media { get; } = new List<MediaFact>();

        public List<ParameterFact> Parameters { get; } = new List<ParameterFact>();

        /// <summary>The model id for messages: the spec's, else the id as given.</summary>
        public string ModelName => Model?.Id ?? ModelId ?? "(no model)";
    }
}
