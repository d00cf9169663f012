import Foundation
import FeedModel
import Config
import Matching

/// Runs feeds.conf's keep decision over labelled samples (`feedwatch eval`):
/// each sample's title and summary are the item's text, its `lang` the item's
/// language (for `lang:` in rules).
public struct RelevanceEvaluator {
    public let configuration: Configuration

    public init(configuration: Configuration) {
        self.configuration = configuration
    }

    public func evaluate(_ samples: [EvalSample]) -> EvalReport {
        let matcher = Matcher(configuration: configuration)
        var overall = EvalCounts()
        var languages: [String] = []
        var perLanguage: [String: EvalCounts] = [:]
        var outcomes: [EvalOutcome] = []
        for sample in samples {
            let input = MatchInput(title: sample.title, summary: sample.summary, language: sample.language)
            var result = matcher.match(input)
            // Only the misses are listed with their reasons: only they need traces.
            if result.isKept != sample.label { result = matcher.explain(input) }
            overall.add(label: sample.label, kept: result.isKept)
            let language = sample.language ?? "-"
            if perLanguage[language] == nil { languages.append(language) }
            perLanguage[language, default: EvalCounts()].add(label: sample.label, kept: result.isKept)
            outcomes.append(EvalOutcome(sample: sample, kept: result.isKept, result: result))
        }
        return EvalReport(outcomes: outcomes, overall: overall,
                          perLanguage: languages.map { ($0, perLanguage[$0] ?? EvalCounts()) })
    }

    /// Reads a JSON Lines file: one object per line with `title`, `label` (1 or
    /// 0, or true/false) and optionally `summary`, `lang` and `id`; other keys
    /// are ignored, blank lines skipped. A bad line is an error naming it.
    public static func load(path: String) throws(MonitorError) -> [EvalSample] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .input("read \(path): no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .input("\(path): not valid UTF-8")
        }
        var samples: [EvalSample] = []
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            samples.append(try sample(String(line), line: number, path: path))
        }
        return samples
    }

    private static func sample(_ line: String, line number: Int, path: String) throws(MonitorError) -> EvalSample {
        func fail(_ message: String) -> MonitorError { .input("\(path):\(number): \(message)") }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw fail("expected a JSON object per line")
            }
            object = parsed
        } catch let error as MonitorError {
            throw error
        } catch {
            throw fail("not valid JSON (expected one object per line, e.g. {\"title\": \"...\", \"summary\": \"...\", \"label\": 1})")
        }
        guard let title = object["title"] as? String else {
            throw fail("expected \"title\" as a string")
        }
        if let summary = object["summary"], !(summary is String) {
            throw fail("expected \"summary\" as a string")
        }
        if let lang = object["lang"], !(lang is String) {
            throw fail("expected \"lang\" as a string")
        }
        let label: Bool
        // JSON true/false may come as Bool or as an NSNumber that reads as 1/0: either way it means keep/drop.
        switch object["label"] {
        case let number as Int where number == 0 || number == 1:
            label = number == 1
        case let flag as Bool:
            label = flag
        case let number as Double where number == 0 || number == 1:
            label = number == 1
        case nil:
            throw fail("expected \"label\": 1 (keep) or 0 (drop)")
        case let other?:
            throw fail("expected \"label\": 1 (keep) or 0 (drop), found \(other)")
        }
        let id = (object["id"] as? String) ?? (object["id"] as? NSNumber)?.stringValue ?? "line \(number)"
        return EvalSample(id: id, line: number, title: title, summary: object["summary"] as? String ?? "",
                          language: object["lang"] as? String, label: label)
    }
}
