/// The references HTMLTextScanner meets most (&nbsp; &rsquo; &hellip; ...) have
/// names of at most eight bytes with their semicolon: looked up by those bytes
/// packed into a UInt64, they need no String per reference and no String hash.
extension HTMLEntities {
    static let packedLength = 8

    /// Every name of `table` with its semicolon and at most eight bytes, by `packed`.
    static let packed: [UInt64: String] = {
        var packedTable: [UInt64: String] = [:]
        for (name, value) in table where name.hasSuffix(";") && name.utf8.count <= packedLength {
            packedTable[packed(name.utf8)] = value
        }
        return packedTable
    }()

    /// Bytes little-endian, the first in the low byte; distinct for distinct
    /// names of up to eight bytes (none holds a NUL).
    @inline(__always)
    static func packed<Bytes: Collection<UInt8>>(_ name: Bytes) -> UInt64 {
        var key: UInt64 = 0
        for (index, byte) in name.prefix(packedLength).enumerated() { key |= UInt64(byte) << UInt64(8 * index) }
        return key
    }
}
