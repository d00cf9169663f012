/// Word numbers of occurrences, for NEAR/n and `unless_near`: one pass over a
/// field's normalised bytes counting word starts (a word scalar after a
/// non-word scalar, as `WordBoundary` judges them).
enum WordOrdinals {
    /// Sets `firstWord` (the word the occurrence starts in) and `lastWord` (the
    /// word its last byte is in) of each occurrence, 0-based.
    static func assign(to occurrences: inout [Occurrence], in bytes: UnsafeBufferPointer<UInt8>) {
        guard !occurrences.isEmpty else { return }
        // Queries: (byte offset, occurrence, is it the start).
        var queries: [(offset: Int, index: Int, isStart: Bool)] = []
        queries.reserveCapacity(occurrences.count * 2)
        for (index, occurrence) in occurrences.enumerated() {
            queries.append((occurrence.range.lowerBound, index, true))
            queries.append((max(occurrence.range.lowerBound, occurrence.range.upperBound - 1), index, false))
        }
        queries.sort { $0.offset < $1.offset }
        var next = 0
        var words = 0
        var previousIsWord = false
        var offset = 0
        while next < queries.count {
            // Count the scalars that start at or before the next query's offset.
            while offset <= queries[next].offset, let (value, length) = WordBoundary.scalar(at: offset, in: bytes) {
                let isWord = WordBoundary.isWord(value)
                if isWord && !previousIsWord { words += 1 }
                previousIsWord = isWord
                offset += length
            }
            let ordinal = max(0, words - 1)
            let query = queries[next]
            if query.isStart { occurrences[query.index].firstWord = ordinal } else { occurrences[query.index].lastWord = ordinal }
            next += 1
        }
    }
}
