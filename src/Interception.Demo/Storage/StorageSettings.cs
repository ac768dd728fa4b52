namespace Interception.Demo.Storage;

/// <summary>Where the database lives: <see cref="DataFolder"/> when given (kept), else a temporary folder removed on exit.</summary>
internal sealed record StorageSettings(string? DataFolder);
