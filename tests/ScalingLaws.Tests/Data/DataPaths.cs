namespace ScalingLaws.Tests.Data;

/// <summary>Paths of the bundled data and test files, as copied next to the test assembly.</summary>
internal static class DataPaths
{
    public static string Data(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "data", .. parts]);

    public static string TestData(params string[] parts) =>
        Path.Combine([AppContext.BaseDirectory, "TestData", .. parts]);
}
