/// Raw memory whose bytes several values share, each reading its own range:
/// the parser writes the text of a document's fields one after another into
/// such a block (Parsing's TextBuffer) and hands the range of each field's
/// HTML to a MarkupText, instead of copying every summary and content out.
///
/// A range is written before it is handed over and never written again, and
/// a holder only reads its own range, so holders on other threads read fixed
/// bytes (hence `@unchecked Sendable`).
public final class SharedBytes: @unchecked Sendable {
    public let base: UnsafeMutablePointer<UInt8>
    public let capacity: Int

    public init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: Swift.max(capacity, 1))
    }

    deinit { base.deallocate() }
}
