import FeedModel

/// A set of item fields as bits, so that "where did this entity occur" is one byte.
struct FieldMask: OptionSet, Hashable, Sendable {
    let rawValue: UInt8

    init(rawValue: UInt8) { self.rawValue = rawValue }

    /// One bit per field, in declaration order (a switch: `ItemField.allCases`
    /// would build an array on every call, and this runs per occurrence).
    @inline(__always)
    init(_ field: ItemField) {
        switch field {
        case .title: rawValue = 1
        case .summary: rawValue = 2
        case .content: rawValue = 4
        case .author: rawValue = 8
        case .category: rawValue = 16
        }
    }

    init(_ fields: [ItemField]) {
        self = fields.reduce(into: FieldMask()) { $0.insert(FieldMask($1)) }
    }

    /// title, summary and content: where terms count when a rule gives no scope.
    static let text = FieldMask(ItemField.text)

    func contains(_ field: ItemField) -> Bool { contains(FieldMask(field)) }
}
