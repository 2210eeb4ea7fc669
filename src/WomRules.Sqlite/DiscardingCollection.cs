using WomRules.Runtime;

namespace WomRules.Sqlite;

/// <summary>Where a journal replay's outcomes go: they were logged when the lines were first applied.</summary>
internal sealed class DiscardingCollection : ICollection<Outcome>
{
    public int Count => 0;

    public bool IsReadOnly => false;

    public void Add(Outcome item)
    {
    }

    public void Clear()
    {
    }

    public bool Contains(Outcome item) => false;

    public void CopyTo(Outcome[] array, int arrayIndex)
    {
    }

    public bool Remove(Outcome item) => false;

    public IEnumerator<Outcome> GetEnumerator() => Enumerable.Empty<Outcome>().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
