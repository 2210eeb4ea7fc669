namespace WomRules.Runtime;

/// <summary>What a <see cref="LedgerUndo"/> takes back.</summary>
internal enum LedgerUndoKind : byte
{
    /// <summary>A change of an id's mark (set, replaced or removed).</summary>
    Mark,

    /// <summary>An id added at the tail of the grants queue.</summary>
    GrantedIn,

    /// <summary>An id taken from the head of the grants queue.</summary>
    GrantedOut,

    /// <summary>An id added at the tail of the accept_late queue.</summary>
    RecordedIn,

    /// <summary>An id taken from the head of the accept_late queue.</summary>
    RecordedOut,
}
