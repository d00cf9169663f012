import FeedModel
import Foundation
import Monitor

/// The output of `feedwatch eval`: the table of counts and scores, then the misses.
enum EvalTable {
    static func describe(_ report: EvalReport) -> String {
        var lines = table(report)
        let misses: [(String, [EvalOutcome])] = [
            ("False positives (kept, labelled drop)", report.falsePositives),
            ("False negatives (dropped, labelled keep)", report.falseNegatives),
        ]
        for (heading, outcomes) in misses {
            lines.append("")
            lines.append("\(heading): \(outcomes.count)")
            for outcome in outcomes {
                lines.append("  \(outcome.sample.id) [\(outcome.sample.language ?? "-")] \(outcome.sample.title)")
                lines += explanation(of: outcome).map { "      " + $0 }
            }
        }
        return lines.joined(separator: "\n")
    }

    static func table(_ report: EvalReport) -> [String] {
        let header = ["lang", "items", "TP", "FP", "FN", "TN", "precision", "recall", "F1"]
        var rows = report.perLanguage.map { row($0.language, $0.counts) }
        rows.append(row("all", report.overall))
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func format(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - cell.count)
                return index == 0 ? cell + pad : pad + cell
            }.joined(separator: "  ")
        }
        return [format(header)] + rows.map(format)
    }

    private static func row(_ language: String, _ counts: EvalCounts) -> [String] {
        [language, "\(counts.total)", "\(counts.truePositives)", "\(counts.falsePositives)",
         "\(counts.falseNegatives)", "\(counts.trueNegatives)",
         percent(counts.precision), percent(counts.recall), percent(counts.f1)]
    }

    private static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.3f", $0) } ?? "-"
    }

    /// Which rules fired and on what; for a dropped item, what was found and what was cancelled.
    static func explanation(of outcome: EvalOutcome) -> [String] {
        let result = outcome.result
        var lines: [String] = []
        let fired = result.explanations.filter(\.fired)
        for trace in fired {
            let leaves = leafHits(trace.tree)
            lines.append("\(trace.topic == "keep" ? "[keep]" : "topic " + trace.topic): "
                         + (leaves.isEmpty ? trace.firedLeaves.joined(separator: ", ") : leaves.joined(separator: ", ")))
        }
        if fired.isEmpty {
            lines.append("nothing fired")
            let found = result.hits.map { "\($0.entity.map { "@" + $0 } ?? "term") \"\($0.matchedText)\"" }
            if !found.isEmpty { lines.append("found: " + unique(found).joined(separator: ", ")) }
        }
        for hit in result.cancelled {
            lines.append("cancelled: @\(hit.entity ?? "?") \"\(hit.matchedText)\" by \(hit.cancelledBy ?? "?")")
        }
        return lines
    }

    /// `@Georgia title "Georgia"` for each true leaf with hits, reached through true nodes.
    private static func leafHits(_ node: RuleTrace) -> [String] {
        guard node.value, node.label != "NOT" else { return [] }
        if node.children.isEmpty {
            guard !node.hits.isEmpty else { return [node.label] }
            let texts = unique(node.hits.map { "\($0.field.rawValue) \"\($0.matchedText)\"" })
            return ["\(node.label) \(texts.joined(separator: " "))"]
        }
        return unique(node.children.flatMap(leafHits))
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }
}
