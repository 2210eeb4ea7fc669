namespace WomRules.Packaging.Tests.Support;

/// <summary>Every packaging test shares one pack, and they run one at a time: each builds or installs something on 2 cores.</summary>
[CollectionDefinition(Name)]
public sealed class PackagingCollection : ICollectionFixture<PackageFeed>
{
    public const string Name = "packaging";
}
