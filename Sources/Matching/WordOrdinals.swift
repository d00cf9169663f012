/// Word numbers of occurrences, for NEAR/n and `unless_near`. A word starts
/// at a word scalar after a non-word scalar, as `WordBoundary` judges them;
/// every such place is one of the normaliser's pattern starts (which are word
/// starts and non-word scalars other than spaces), so counting goes over the
/// starts, one byte read each for ASCII, instead of decoding the whole text.
enum WordOrdinals {
    /// Sets `firstWord` (the word the occurrence starts in) and `lastWord` (the
    /// word its last byte is in) of each occurrence, 0-based. `starts` are the
    /// pattern starts of `bytes`, ascending.
    static func assign(to occurrences: inout [Occurrence], in bytes: UnsafeBufferPointer<UInt8>,
                       starts: UnsafeBufferPointer<Int32>) {
        guard !occurrences.isEmpty else { return }
        // Queries: (byte offset, occurrence, is it the start).
        var queries: [(offset: Int, index: Int, isStart: Bool)] = []
        queries.reserveCapacity(occurrences.count * 2)
        for (index, occurrence) in occurrences.enumerated() {
            queries.append((occurrence.range.lowerBound, index, true))
            queries.append((max(occurrence.range.lowerBound, occurrence.range.upperBound - 1), index, false))
        }
        queries.sort { $0.offset < $1.offset }
        var words = 0
        var k = 0
        for query in queries {
            // Count the word starts at or before the query's offset.
            while k < starts.count && Int(starts[k]) <= query.offset {
                let start = Int(starts[k])
                let lead = bytes[start]
                if lead < 0x80 ? WordBoundary.isASCIIWord(lead) : WordBoundary.isWord(TextNormalizer.decode(bytes, at: start).0) {
                    words += 1
                }
                k += 1
            }
            let ordinal = max(0, words - 1)
            if query.isStart { occurrences[query.index].firstWord = ordinal } else { occurrences[query.index].lastWord = ordinal }
        }
    }
}
