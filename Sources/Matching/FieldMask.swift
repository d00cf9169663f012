import FeedModel

/// A set of item fields as bits, so that "where did this entity occur" is one byte.
struct FieldMask: OptionSet, Hashable, Sendable {
    let rawValue: UInt8

    init(rawValue: UInt8) { self.rawValue = rawValue }

    init(_ field: ItemField) {
        let index = ItemField.allCases.firstIndex(of: field) ?? 0
        rawValue = 1 << UInt8(index)
    }

    init(_ fields: [ItemField]) {
        self = fields.reduce(into: FieldMask()) { $0.insert(FieldMask($1)) }
    }

    /// title, summary and content: where terms count when a rule gives no scope.
    static let text = FieldMask(ItemField.text)

    func contains(_ field: ItemField) -> Bool { contains(FieldMask(field)) }
}
