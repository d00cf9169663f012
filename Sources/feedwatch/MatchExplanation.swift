import FeedModel

/// The output of `feedwatch match --explain`: every item, kept or dropped, its
/// text with the matched spans highlighted, the cancelled hits, and the rule
/// tree of every topic that fired or came close (some part of its rule true).
enum MatchExplanation {
    static func describe(feed: ParsedFeed, results: [MatchResult], colour: Bool) -> String {
        var lines: [String] = []
        let kept = results.filter(\.isKept).count
        lines.append("\(feed.title ?? "(untitled)"): \(kept) of \(feed.items.count) items kept")
        for (item, result) in zip(feed.items, results) {
            lines.append("")
            lines.append((result.isKept ? "KEEP" : "drop") + "  " + (item.title ?? "(untitled)"))
            let texts: [(ItemField, String?)] = [(.title, item.title), (.summary, item.summary), (.content, item.content)]
            for (field, text) in texts {
                guard let text, !text.isEmpty else { continue }
                let spans = result.hits.filter { $0.field == field }.map { $0.start..<$0.end }
                guard !spans.isEmpty else { continue }
                lines.append("      \(field.rawValue): " + highlight(text, spans: spans, colour: colour))
            }
            for hit in result.cancelled {
                lines.append("      cancelled: @\(hit.entity ?? "?") \(hit.field.rawValue) \"\(hit.matchedText)\" by \(hit.cancelledBy ?? "?")")
            }
            for use in result.contestedNames {
                lines.append("      contested name: \(use.variant) (\(use.side)) for @\(use.entity)")
            }
            for trace in result.explanations where trace.fired || !trace.firedLeaves.isEmpty {
                lines.append(trace.rendered(indent: "      "))
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `text` with each span (UTF-8 byte ranges, overlapping ones merged) in
    /// reverse video on a terminal, else between `[[` and `]]`.
    static func highlight(_ text: String, spans: [Range<Int>], colour: Bool) -> String {
        let (open, close) = colour ? ("\u{1B}[1;7m", "\u{1B}[0m") : ("[[", "]]")
        var merged: [Range<Int>] = []
        for span in spans.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = merged.last, span.lowerBound <= last.upperBound {
                merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, span.upperBound)
            } else {
                merged.append(span)
            }
        }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var position = 0
        for span in merged where span.lowerBound >= position && span.upperBound <= bytes.count {
            out += bytes[position..<span.lowerBound] + Array(open.utf8) + bytes[span] + Array(close.utf8)
            position = span.upperBound
        }
        out += bytes[position...]
        let flat = String(decoding: out, as: UTF8.self)
        return flat.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
