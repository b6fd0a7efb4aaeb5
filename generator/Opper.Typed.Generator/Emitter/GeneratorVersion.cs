namespace Opper.Typed.Generator.Emitter
{
    /// <summary>The <c>[GeneratedCode]</c> attribute of every emitted type, naming this assembly's own version (as System.Text.Json's emitter does).</summary>
    internal static class GeneratorVersion
    {
        public static readonly string Attribute =
            $"[global::System.CodeDom.Compiler.GeneratedCode(\"Opper.Typed.Generator\", \"{typeof(GeneratorVersion).Assembly.GetName().Version}\")]";
    }
}
