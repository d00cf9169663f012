/// A spelling as written in feeds.conf. A trailing `*` in feeds.conf makes it
/// a stem: the word may go on with a suffix (Şuşa* matches Şuşada).
public struct Spelling: Sendable, Equatable, Hashable {
    /// The text without the trailing `*`.
    public var text: String
    public var isStem: Bool

    public init(_ text: String, isStem: Bool = false) {
        self.text = text
        self.isStem = isStem
    }

    /// As written in feeds.conf.
    public var written: String { isStem ? text + "*" : text }
}
