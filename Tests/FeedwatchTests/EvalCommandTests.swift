import Foundation
import Testing
import TestSupport

@Suite("feedwatch eval")
struct EvalCommandTests {
    @Test("prints the table overall and per language and lists every miss; exit 0")
    func table() throws {
        let folder = try TemporaryFolder()
        try """
            [entity Georgia]
            kind = country
            spellings = Georgia
            unless = Atlanta

            [topic Region]
            rule = @Georgia
            """.write(to: folder.url.appendingPathComponent("feeds.conf"), atomically: true, encoding: .utf8)
        try [
            #"{"id": "a", "lang": "en", "title": "Georgia votes", "summary": "", "label": 1}"#,
            #"{"id": "b", "lang": "en", "title": "Atlanta, Georgia", "summary": "", "label": 0}"#,
            #"{"id": "c", "lang": "ru", "title": "Грузия", "summary": "", "label": 1}"#,
            #"{"id": "d", "lang": "ru", "title": "Georgia", "summary": "Джорджия", "label": 0}"#,
        ].joined(separator: "\n").write(to: folder.url.appendingPathComponent("dev.jsonl"), atomically: true, encoding: .utf8)
        let result = try FeedwatchBinary.run(["eval", "dev.jsonl", "--config", "feeds.conf"], in: folder.url)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.split(separator: " ", omittingEmptySubsequences: true)
                == ["lang", "items", "TP", "FP", "FN", "TN", "precision", "recall", "F1"])
        #expect(lines[1].split(separator: " ") == ["en", "2", "1", "0", "0", "1", "1.000", "1.000", "1.000"])
        #expect(lines[2].split(separator: " ") == ["ru", "2", "0", "1", "1", "0", "0.000", "0.000", "-"])
        #expect(lines[3].split(separator: " ") == ["all", "4", "1", "1", "1", "1", "0.500", "0.500", "0.500"])
        #expect(result.stdout.contains("False positives (kept, labelled drop): 1\n  d [ru] Georgia\n      topic Region: @Georgia title \"Georgia\""))
        #expect(result.stdout.contains("False negatives (dropped, labelled keep): 1\n  c [ru] Грузия\n      nothing fired"))
    }

    @Test("a bad line stops eval with the file and line number")
    func badLine() throws {
        let folder = try TemporaryFolder()
        try "[topic T]\nrule = x\n".write(to: folder.url.appendingPathComponent("feeds.conf"), atomically: true, encoding: .utf8)
        try #"{"title": "a", "label": "yes"}"#.write(to: folder.url.appendingPathComponent("dev.jsonl"), atomically: true, encoding: .utf8)
        let result = try FeedwatchBinary.run(["eval", "dev.jsonl", "--config", "feeds.conf"], in: folder.url)
        #expect(result.status != 0)
        #expect(result.stderr.contains("dev.jsonl:1: expected \"label\": 1 (keep) or 0 (drop), found yes"))
    }
}
