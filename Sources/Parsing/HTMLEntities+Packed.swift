/// The references HTMLTextScanner meets most (&nbsp; &rsquo; &hellip; ...) have
/// names of at most eight bytes with their semicolon: looked up by those bytes
/// packed into a UInt64, in an open-addressing table with a multiplicative hash
/// (no String per reference, no SipHash), and their value kept as UTF-8 bytes
/// ready to write.
extension HTMLEntities {
    static let packedLength = 8

    /// A value as the scanner writes it.
    struct PackedValue {
        /// The value's UTF-8 bytes, little-endian (no value of a short name is
        /// longer than two scalars, eight bytes).
        var utf8: UInt64
        var count: Int
        /// The value is one whitespace character (&nbsp; &emsp; ...): a word break.
        var isSpace: Bool
    }

    /// Every name of `table` with its semicolon and at most eight bytes, by
    /// `packed(_:)`. Free slots have the key 0 (no name packs to 0).
    struct PackedTable {
        private var keys: [UInt64]
        private var values: [PackedValue]
        private static let bits = 12

        init(_ table: [String: String]) {
            keys = Array(repeating: 0, count: 1 << Self.bits)
            values = Array(repeating: PackedValue(utf8: 0, count: 0, isSpace: false), count: 1 << Self.bits)
            for (name, value) in table where name.hasSuffix(";") && name.utf8.count <= packedLength {
                let scalars = Array(value.unicodeScalars)
                let spaces = scalars.filter(CollapsingWriter.isSpace).count
                // A value mixing spaces and other characters would need both rules; none
                // of the short names has one (checked by the test of every name), so
                // such a value is left out and read through `table`.
                guard spaces == 0 || scalars.count == 1, value.utf8.count <= 8 else { continue }
                var utf8: UInt64 = 0
                for (index, byte) in value.utf8.enumerated() { utf8 |= UInt64(byte) << UInt64(8 * index) }
                let key = packed(name.utf8)
                var slot = Self.slot(of: key)
                while keys[slot] != 0 { slot = (slot + 1) & ((1 << Self.bits) - 1) }
                keys[slot] = key
                values[slot] = PackedValue(utf8: utf8, count: value.utf8.count, isSpace: spaces == 1)
            }
        }

        @inline(__always)
        private static func slot(of key: UInt64) -> Int {
            Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> UInt64(64 - bits))
        }

        @inline(__always)
        func value(of key: UInt64) -> PackedValue? {
            keys.withUnsafeBufferPointer { keys in
                var slot = Self.slot(of: key)
                while true {
                    let found = keys[slot]
                    if found == key { return values[slot] }
                    if found == 0 { return nil }
                    slot = (slot + 1) & ((1 << Self.bits) - 1)
                }
            }
        }
    }

    static let packed = PackedTable(table)

    /// Bytes little-endian, the first in the low byte; distinct for distinct
    /// names of up to eight bytes (none holds a NUL).
    @inline(__always)
    static func packed<Bytes: Collection<UInt8>>(_ name: Bytes) -> UInt64 {
        var key: UInt64 = 0
        for (index, byte) in name.prefix(packedLength).enumerated() { key |= UInt64(byte) << UInt64(8 * index) }
        return key
    }
}
