extension MatchTarget {
    /// The target as one number (entity i: i, term j: -1 - j), cheap to compare and sort.
    @inline(__always)
    var key: Int32 {
        switch self {
        case .entity(let index): return Int32(truncatingIfNeeded: index)
        case .term(let index): return -1 - Int32(truncatingIfNeeded: index)
        }
    }

    /// The target as an index into per-target tables: entities even, terms odd.
    @inline(__always)
    var slot: Int {
        switch self {
        case .entity(let index): return index * 2
        case .term(let index): return index * 2 + 1
        }
    }
}
