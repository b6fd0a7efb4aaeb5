using System.Reflection;
using Opper.Typed.Core.Snapshot;
using Opper.Typed.Generator.Emitter;
using Opper.Typed.Generator.Pipeline;
using Opper.Typed.Generator.Tests.Support;

namespace Opper.Typed.Generator.Tests;

/// <summary>
/// The generator caches on <see cref="VideoModelSpec"/> and <see cref="VideoParameterSpec"/> equality, which is written
/// by hand (they are public in the runtime, where records would add operators to the API). So each settable property
/// is changed in turn, found by reflection so a property added later is covered without editing this test: the spec
/// must then be unequal (or Roslyn would keep serving the old file) and its generated file must differ (or the
/// property would not need to be cached on).
/// </summary>
public sealed class ModelEqualityTests
{
    private static readonly GeneratorOptions Options = new(PublicTypes: true);

    /// <summary>xAI's model: parameters with a range, a description and no enum, plus one with values.</summary>
    private static readonly VideoModelSpec Model = SnapshotReader.Read(
            new SnapshotText("videos-models.json", GeneratorHarness.SchemaText("videos-models.json")),
            new SnapshotText("video-parameters.json", GeneratorHarness.SchemaText("video-parameters.json")))
        .Models.Single(m => m.Id == "xai/grok-imagine-video");

    public static TheoryData<string> ModelProperties() => [.. Settable(typeof(VideoModelSpec)).Select(p => p.Name)];

    public static TheoryData<string> ParameterProperties() => [.. Settable(typeof(VideoParameterSpec)).Select(p => p.Name)];

    [Fact]
    public void A_copy_of_every_property_is_equal_and_emits_the_same_file()
    {
        var copy = Copy(Model, null, null);

        Assert.Equal(Model, copy);
        Assert.Equal(Model.GetHashCode(), copy.GetHashCode());
        Assert.Equal(Emit(Model), Emit(copy));
    }

    [Theory]
    [MemberData(nameof(ModelProperties))]
    public void Changing_a_model_property_makes_it_unequal_and_changes_its_file(string name)
    {
        var property = typeof(VideoModelSpec).GetProperty(name)!;
        var changed = Copy(Model, property, Different(property.PropertyType, property.GetValue(Model)));

        AssertChanged(changed, name);
    }

    [Theory]
    [MemberData(nameof(ParameterProperties))]
    public void Changing_a_parameter_property_makes_the_model_unequal_and_changes_its_file(string name)
    {
        var property = typeof(VideoParameterSpec).GetProperty(name)!;
        foreach (var parameter in Model.Parameters)
        {
            var changedParameter = Copy(parameter, property, Different(property.PropertyType, property.GetValue(parameter)));
            Assert.NotEqual(parameter, changedParameter);
            var parameters = Model.Parameters.Select(p => ReferenceEquals(p, parameter) ? changedParameter : p).ToList();
            AssertChanged(Copy(Model, typeof(VideoModelSpec).GetProperty(nameof(VideoModelSpec.Parameters))!, parameters), $"{parameter.Name}.{name}");
        }
    }

    private static void AssertChanged(VideoModelSpec changed, string what)
    {
        Assert.False(Model.Equals(changed), $"{what} changed, yet the spec is equal: its Equals misses it");
        Assert.False(Emit(Model) == Emit(changed), $"{what} changed, yet the generated file did not");
    }

    private static string Emit(VideoModelSpec model) => RequestEmitter.Emit(new ModelToEmit(model, Options));

    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is { IsPublic: true });

    /// <summary>A new instance with every settable property copied, and <paramref name="changed"/> set to <paramref name="value"/>.</summary>
    private static T Copy<T>(T source, PropertyInfo? changed, object? value)
        where T : class
    {
        var copy = Activator.CreateInstance<T>();
        foreach (var property in Settable(typeof(T)))
        {
            property.SetValue(copy, property == changed ? value : property.GetValue(source));
        }

        return copy;
    }

    /// <summary>A value of the property's type that differs from <paramref name="current"/>.</summary>
    private static object Different(Type type, object? current) => type switch
    {
        _ when type == typeof(string) => (string?)current + "X",
        _ when type == typeof(bool) => !(bool)current!,
        _ when type == typeof(int) => (int)current! + 1,
        _ when type == typeof(double?) => ((double?)current ?? 0) + 7,
        _ when type == typeof(VideoParameterType) => (VideoParameterType)current! == VideoParameterType.String ? VideoParameterType.Integer : VideoParameterType.String,
        _ when type == typeof(IReadOnlyList<string>) => ((IReadOnlyList<string>)current!).Append("X").ToList(),
        _ when type == typeof(IReadOnlyList<MediaSourceKind>) => ((IReadOnlyList<MediaSourceKind>)current!).Append(MediaSourceKind.GcsUri).ToList(),
        _ when type == typeof(IReadOnlyList<VideoParameterValue>) => ((IReadOnlyList<VideoParameterValue>)current!).Append(VideoParameterValue.FromString("X", "X")).ToList(),
        _ when type == typeof(IReadOnlyList<VideoParameterSpec>) => ((IReadOnlyList<VideoParameterSpec>)current!).Append(new VideoParameterSpec { Name = "x", PropertyName = "X" }).ToList(),
        _ => throw new InvalidOperationException($"No different value for {type}: add one here for the new property."),
    };
}
