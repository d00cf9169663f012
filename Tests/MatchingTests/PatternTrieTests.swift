import Foundation
import Testing
import TestSupport
@testable import Matching

/// The trie scan with its start filter must find exactly what trying every
/// pattern at every pattern start finds: the filter may only skip starts where
/// nothing can match.
struct PatternTrieTests {
    let normalizer = TextNormalizer()

    /// Every spelling and context term of the shipped feeds.conf, normalised
    /// (a stem without its `*`), once each.
    static let shippedPatterns: [[UInt8]] = {
        let conf = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("feeds.conf")
        let text = (try? String(contentsOf: conf, encoding: .utf8)) ?? ""
        let keys = ["spellings", "unless", "requires", "unless_near", "requires_near"]
        var seen = Set<[UInt8]>()
        var patterns: [[UInt8]] = []
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, keys.contains(parts[0].trimmingCharacters(in: .whitespaces)) else { continue }
            for item in parts[1].split(separator: ",") {
                var spelling = item.trimmingCharacters(in: .whitespaces)
                if spelling.hasSuffix("*") { spelling.removeLast() }
                let pattern = TextNormalizer().normalizeSpelling(spelling)
                if !pattern.isEmpty && seen.insert(pattern).inserted { patterns.append(pattern) }
            }
        }
        return patterns
    }()

    @Test func shippedGazetteerIsRead() {
        #expect(PatternTrieTests.shippedPatterns.count > 1000)
    }

    /// The shipped spellings, each one upper-cased or as written, embedded in
    /// random text of everyday words (several of which begin like a spelling:
    /// "for" and "For Georgia", "new" and "New Azerbaijan Party") and separators.
    @Test func filterDropsNoShippedSpellingInRandomText() {
        let patterns = PatternTrieTests.shippedPatterns
        let trie = PatternTrie(patterns: patterns)
        let spellings = patterns.map { String(decoding: $0, as: UTF8.self) }
        let words = ["for", "for the", "new", "New York", "president", "party", "which", "than", "a", "I", "é", "the",
                     "county", "Georgetown", "Armen", "Азер", "საქ", "Հայ", "x", "12", "C++", "u.s."]
        let separators = [" ", ", ", "-", "\n", " «", "» ", ". ", "  ", "’", "/", " — "]
        var random = SeededRandom(state: 11)
        var builder = NormalizedTextBuilder(capacity: 64)
        defer { builder.deallocate() }
        var embedded = 0
        for round in 0 ..< 400 {
            var text = ""
            for _ in 0 ..< Int.random(in: 1 ... 12, using: &random) {
                let pick = Int.random(in: 0 ..< 3, using: &random)
                if pick == 0 {
                    var spelling = spellings.randomElement(using: &random)!
                    if Bool.random(using: &random) { spelling = spelling.uppercased() }
                    text += spelling
                    embedded += 1
                } else {
                    text += words.randomElement(using: &random)!
                }
                // Sometimes end right after a spelling, so the last starts sit
                // where fewer than eight bytes are left.
                if round % 3 != 0 || Bool.random(using: &random) { text += separators.randomElement(using: &random)! }
            }
            normalizer.normalize(text, into: &builder)
            let found = trie.scan(builder).map { [$0.pattern, $0.end] }
            let expected = everyMatch(of: patterns, in: Array(builder.normalizedBytes), from: Array(builder.patternStarts))
            #expect(found == expected, "\(text.debugDescription)")
        }
        #expect(embedded > 800)
    }

    /// Patterns of every length class (1, 2, 3, 4-7, 8 and more bytes) at the
    /// very end of a text and right before it, where the filter reads fewer
    /// than eight bytes.
    @Test func patternsOfEveryLengthAreFoundAtTheEnd() {
        let patterns = ["q", "zx", "ab1", "abcd", "abcdefg", "abcdefgh", "abcdefghijk", "ab cd", "«", "«a»", "ա", "աբգ"]
            .map { Array($0.utf8) }
        let trie = PatternTrie(patterns: patterns)
        var builder = NormalizedTextBuilder(capacity: 16)
        defer { builder.deallocate() }
        for (index, pattern) in patterns.enumerated() {
            for prefix in ["", "x ", "xyz, ", "long words before "] {
                for suffix in ["", " ", " y", " yz", " yzw", " yzwvuts", " yzwvutsrq"] {
                    let text = prefix + String(decoding: pattern, as: UTF8.self) + suffix
                    normalizer.normalize(text, into: &builder)
                    let found = trie.scan(builder)
                    let end = prefix.utf8.count + pattern.count
                    #expect(found.contains { $0.pattern == index && $0.end == end }, "\(text.debugDescription)")
                    let expected = everyMatch(of: patterns, in: Array(builder.normalizedBytes), from: Array(builder.patternStarts))
                    #expect(found.map { [$0.pattern, $0.end] } == expected, "\(text.debugDescription)")
                }
            }
        }
    }

    @Test func emptyTrieFindsNothing() {
        let trie = PatternTrie(patterns: [])
        var builder = NormalizedTextBuilder(capacity: 16)
        defer { builder.deallocate() }
        normalizer.normalize("Nothing to find here, at all.", into: &builder)
        #expect(trie.scan(builder).isEmpty)
    }

    /// Brute force: every pattern tried at every start, by start, then end.
    private func everyMatch(of patterns: [[UInt8]], in bytes: [UInt8], from starts: [Int32]) -> [[Int]] {
        let byFirstByte = Dictionary(grouping: patterns.indices, by: { patterns[$0][0] })
        var matches: [[Int]] = []
        for start in starts.map(Int.init) {
            var here: [[Int]] = []
            for index in byFirstByte[bytes[start]] ?? [] {
                let pattern = patterns[index]
                if start + pattern.count <= bytes.count && bytes[start ..< start + pattern.count].elementsEqual(pattern) {
                    here.append([index, start + pattern.count])
                }
            }
            matches += here.sorted { $0[1] < $1[1] }
        }
        return matches
    }
}
