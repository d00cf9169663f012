import Config

/// Parses `lines` as a feeds.conf in /etc/feedwatch.
func parse(_ lines: [String]) throws -> Configuration {
    try ConfigLoader.parse(lines.joined(separator: "\n"), fileName: "feeds.conf", baseDirectory: "/etc/feedwatch")
}

/// The error parsing `lines` gives, as printed ("feeds.conf:3:1: ..."), or nil when it parses.
func parseError(_ lines: [String]) -> String? {
    do {
        _ = try ConfigLoader.parse(lines.joined(separator: "\n"), fileName: "feeds.conf", baseDirectory: "/etc/feedwatch")
        return nil
    } catch {
        return error.description
    }
}

/// A minimal valid file around one topic rule, for rule tests.
func ruleFile(_ ruleLines: [String]) -> [String] {
    ["[entity A]", "kind = x", "spellings = a", "[entity B]", "kind = x", "spellings = b",
     "[topic T]"] + ruleLines
}
