import Foundation
import Testing

/// Every file of the shared real-feeds corpus goes through `feedwatch parse --json`
/// without a crash, and every one that is a feed prints its items.
@Suite struct CorpusParseTests {
    static var corpus: URL { FeedwatchBinary.sharedFolder.appendingPathComponent("corpus/real-feeds") }

    static var files: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.contains(".") && $0 != "README" && !$0.hasPrefix("LICENSE") }
            .sorted().map { corpus.appendingPathComponent($0) }
    }

    @Test(.enabled(if: !files.isEmpty, "../shared/corpus/real-feeds is not beside the checkout"))
    func everyCorpusFileParsesWithoutACrash() throws {
        let files = Self.files
        #expect(files.count == 200)
        var crashed: [String] = []
        var withItems = 0
        var refused: [String] = []
        for file in files {
            let result = try FeedwatchBinary.run(["parse", "--json", file.path])
            if result.crashed { crashed.append(file.lastPathComponent) }
            if result.status == 0,
               let json = try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
               let items = json["items"] as? [Any], !items.isEmpty {
                withItems += 1
            } else if result.status != 0 {
                refused.append("\(file.lastPathComponent): \(result.stderr.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
        }
        #expect(crashed.isEmpty, "crashed on: \(crashed)")
        // A handful of corpus files are HTML pages or empty: those must be refused with a message.
        for line in refused { #expect(line.contains(": "), "\(line)") }
        #expect(withItems >= 190, "only \(withItems) of \(files.count) files gave items; refused, first ten: \(refused.prefix(10))")
    }
}
