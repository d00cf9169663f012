import FeedModel

/// A day's edits of one item fold into one revision (its first old version against its last
/// new one); these say what that net revision changed.
extension ItemRevision {
    var titleChanged: Bool { oldTitle != newTitle }
    var textChanged: Bool { oldText != newText }
}
