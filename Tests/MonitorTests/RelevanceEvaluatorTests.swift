import Foundation
import Testing
import Config
import FeedModel
import TestSupport
@testable import Monitor

@Suite("feedwatch eval: RelevanceEvaluator")
struct RelevanceEvaluatorTests {
    static let conf = """
        [entity Georgia]
        kind = country
        spellings = Georgia, საქართველო*
        unless = Atlanta

        [entity Armenia]
        kind = country
        spellings = Armenia, Հայաստան*

        [topic Region]
        rule = @Georgia OR @Armenia
        """

    /// Hand-counted: en TP 1 (1), TN 1 (2), FP 1 (3), FN 1 (4); ka TP 1 (5), TN 1 (6);
    /// hy TP 1 (7); no lang TN 1 (8). Overall TP 3, FP 1, FN 1, TN 3.
    static let lines = [
        #"{"id": "s1", "lang": "en", "title": "Georgia election called", "summary": "Parliament votes.", "label": 1}"#,
        #"{"id": "s2", "lang": "en", "title": "Storm hits Atlanta, Georgia", "summary": "", "label": 0, "why": "us_georgia"}"#,
        #"{"id": "s3", "lang": "en", "title": "Coffee harvest in Armenia, Quindío", "summary": "Colombia", "label": 0}"#,
        "",
        #"{"id": "s4", "lang": "en", "title": "Tbilisi protests go on", "summary": "Rustaveli Avenue", "label": 1}"#,
        #"{"id": "s5", "lang": "ka", "title": "საქართველოს პარლამენტი", "summary": "", "label": 1}"#,
        #"{"id": "s6", "lang": "ka", "title": "ამინდი", "summary": "", "label": 0}"#,
        #"{"id": "s7", "lang": "hy", "title": "Հայաստանի կառավարություն", "summary": "", "label": true}"#,
        #"{"title": "Weather today", "summary": "Sunny", "label": 0}"#,
    ]

    func report() throws -> EvalReport {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("dev.jsonl")
        try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
        let samples = try RelevanceEvaluator.load(path: file.path)
        let configuration = try ConfigLoader.parse(Self.conf, fileName: "feeds.conf", baseDirectory: folder.url.path)
        return RelevanceEvaluator(configuration: configuration).evaluate(samples)
    }

    var lines: [String] { Self.lines }

    @Test("precision, recall and F1 overall and per language match the hand count")
    func counts() throws {
        let report = try report()
        #expect(report.overall.truePositives == 3)
        #expect(report.overall.falsePositives == 1)
        #expect(report.overall.falseNegatives == 1)
        #expect(report.overall.trueNegatives == 3)
        #expect(report.overall.precision == 0.75)
        #expect(report.overall.recall == 0.75)
        #expect(report.overall.f1 == 0.75)
        #expect(report.perLanguage.map(\.language) == ["en", "ka", "hy", "-"])
        let en = try #require(report.perLanguage.first?.counts)
        #expect(en.precision == 0.5)
        #expect(en.recall == 0.5)
        #expect(report.perLanguage[1].counts.precision == 1)
        #expect(report.perLanguage[1].counts.recall == 1)
        #expect(report.perLanguage[3].counts.precision == nil)
        #expect(report.perLanguage[3].counts.recall == nil)
    }

    @Test("misses: the false positive and the false negative, with their explanations")
    func misses() throws {
        let report = try report()
        #expect(report.falsePositives.map(\.sample.id) == ["s3"])
        #expect(report.falseNegatives.map(\.sample.id) == ["s4"])
        #expect(report.falsePositives.first?.result.explanations.first(where: \.fired)?.firedLeaves == ["@Armenia"])
        // A miss is explained for every topic (a false negative too); a hit is not listed, so not traced.
        #expect(report.falseNegatives.first.map { !$0.result.explanations.isEmpty } == true)
        #expect(report.outcomes.filter { !$0.isMiss }.allSatisfy { $0.result.explanations.isEmpty })
        #expect(report.outcomes.first { $0.sample.id == "s2" }?.result.cancelled.first?.cancelledBy == "unless Atlanta")
        #expect(report.outcomes.last?.sample.id == "line 9")
    }

    @Test("a bad line is an error that names the file and the line")
    func badLines() throws {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("bad.jsonl")
        func error(_ text: String) throws -> String? {
            try text.write(to: file, atomically: true, encoding: .utf8)
            do {
                _ = try RelevanceEvaluator.load(path: file.path)
                return nil
            } catch {
                return error.description.replacingOccurrences(of: file.path, with: "bad.jsonl")
            }
        }
        let good = #"{"title": "a", "label": 1}"#
        #expect(try error(good + "\n" + #"{"title": "b", "label": 2}"#)
                == "bad.jsonl:2: expected \"label\": 1 (keep) or 0 (drop), found 2")
        #expect(try error(good + "\n\n" + #"{"title": "b""#)?.hasPrefix("bad.jsonl:3: not valid JSON") == true)
        #expect(try error(#"{"summary": "b", "label": 0}"#) == "bad.jsonl:1: expected \"title\" as a string")
        #expect(try error(#"{"title": "b"}"#) == "bad.jsonl:1: expected \"label\": 1 (keep) or 0 (drop)")
        #expect(try error(#"[1, 2]"#) == "bad.jsonl:1: expected a JSON object per line")
    }
}
