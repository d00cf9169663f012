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
        // Occurrences come in text order, so their starts ascend, and so do
        // their ends unless they overlap: one cursor each walks the starts
        // forward (no list of queries to sort), going back only when needed.
        var first = Cursor(), last = Cursor()
        for index in occurrences.indices {
            let range = occurrences[index].range
            occurrences[index].firstWord = first.ordinal(at: range.lowerBound, in: bytes, starts: starts)
            occurrences[index].lastWord = last.ordinal(at: max(range.lowerBound, range.upperBound - 1), in: bytes,
                                                       starts: starts)
        }
    }

    /// Counts the word starts at or before ascending offsets.
    private struct Cursor {
        var k = 0
        var words = 0
        var offset = 0

        mutating func ordinal(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>, starts: UnsafeBufferPointer<Int32>) -> Int {
            // Behind the last offset asked (overlapping occurrences): count again from the beginning.
            if offset < self.offset { k = 0; words = 0 }
            self.offset = offset
            while k < starts.count && Int(starts[k]) <= offset {
                let start = Int(starts[k])
                let lead = bytes[start]
                if lead < 0x80 ? WordBoundary.isASCIIWord(lead) : WordBoundary.isWord(TextNormalizer.decode(bytes, at: start).0) {
                    words += 1
                }
                k += 1
            }
            return max(0, words - 1)
        }
    }
}
