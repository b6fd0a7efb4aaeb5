using System.Collections.Generic;

namespace Opper.Typed.Core.Rules
{
    /// <summary>
    /// The members of a model's generated class, listed once: the emitter writes the class's copy constructor, equality
    /// and hash from <see cref="Values"/>, and the code fixes are told from <see cref="Of"/> which initializer members
    /// would compile there.
    /// </summary>
    internal static class TypedClassProperties
    {
        /// <summary>Every value-carrying property but the collections (<c>ReferenceImages</c>, <c>AdditionalParameters</c>), in declaration order.</summary>
        public static List<string> Values(VideoModelSpec model)
        {
            var names = new List<string> { "Prompt" };
            if (model.TakesImage)
            {
                names.Add("Image");
            }

            if (model.TakesVideo)
            {
                names.Add("Video");
            }

            foreach (var parameter in model.Parameters)
            {
                names.Add(parameter.PropertyName);
            }

            names.Add("Store");
            return names;
        }

        /// <summary>
        /// What an object initializer may set, comma-separated: the values but <c>Prompt</c> (get-only, a constructor
        /// argument), and the collection initializers, <c>ReferenceImages</c> where the model takes them and
        /// <c>AdditionalParameters</c>.
        /// </summary>
        public static string Of(VideoModelSpec model)
        {
            var names = Values(model);
            names.RemoveAt(0);
            if (model.TakesReferenceImages)
            {
                names.Add("ReferenceImages");
            }

            names.Add("AdditionalParameters");
            return string.Join(",", names);
        }
    }
}
