import Foundation
import Testing
import Parsing
import FeedModel

/// Every file of ../shared/corpus/real-feeds goes through the parser.
@Suite struct CorpusTests {
    static let corpus: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus/real-feeds")

    static var files: [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { !$0.hasSuffix(".md") && !$0.hasPrefix("LICENSE") }.sorted().map { corpus.appendingPathComponent($0) }
    }

    @Test func everyCorpusFeedYieldsItems() throws {
        let files = Self.files
        guard !files.isEmpty else {
            print("CorpusTests: skipped, no corpus at \(Self.corpus.path)")
            return
        }
        var withItems = 0
        var failures: [String] = []
        for file in files {
            let data = try Data(contentsOf: file)
            do {
                let feed = try FeedParser().parse(data)
                if feed.items.isEmpty { failures.append("\(file.lastPathComponent): 0 items") } else { withItems += 1 }
            } catch {
                failures.append("\(file.lastPathComponent): \(error)")
            }
        }
        print("CorpusTests: \(withItems) of \(files.count) corpus files yield items")
        for failure in failures { print("CorpusTests: \(failure)") }
        #expect(files.count == 200)
        #expect(failures == [])
        #expect(withItems == files.count)
    }
}
