extension TopicTrace {
    /// The rule tree, one node per line, indented, each marked `+` (true) or
    /// `-` (false); true leaves list their hits as `field "text" (spelling)`.
    ///
    ///     topic Karabakh: fired (score 2, threshold 2)
    ///       + AND
    ///         + @Nagorno-Karabakh   title "Karabakh" (Karabakh)
    public func rendered(indent: String = "") -> String {
        var status = fired ? "fired" : "not fired"
        if let threshold {
            status += " (score \(Self.numberText(score)), threshold \(Self.numberText(threshold)))"
        }
        var lines = ["\(indent)topic \(topic): \(status)"]
        func walk(_ node: RuleTrace, depth: Int) {
            var line = indent + String(repeating: "  ", count: depth + 1) + (node.value ? "+ " : "- ") + node.label
            if node.value, !node.hits.isEmpty {
                line += "   " + node.hits.map(Self.describe).joined(separator: ", ")
            }
            lines.append(line)
            for child in node.children { walk(child, depth: depth + 1) }
        }
        walk(tree, depth: 0)
        return lines.joined(separator: "\n")
    }

    static func describe(_ hit: Hit) -> String {
        var text = "\(hit.field.rawValue) \"\(hit.matchedText)\""
        if hit.spelling != hit.matchedText { text += " (\(hit.spelling))" }
        if let variant = hit.variant { text += " [\(hit.side ?? "") name \(variant)]" }
        return text
    }

    /// `2`, `0.5`: whole numbers without a decimal point.
    public static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
