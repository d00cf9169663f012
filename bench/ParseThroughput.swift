// Throughput of FeedParser over the corpus, next to bare libxml2 SAX2 (bench/bare-sax2.c).
// Built and run by bench/parse-throughput.sh; not part of the package.
import Foundation
import Parsing
import FeedModel

@main
struct ParseThroughput {
    static func main() throws {
        let arguments = CommandLine.arguments
        let folder = arguments.count > 1 ? arguments[1] : "../shared/corpus/real-feeds"
        let rounds = arguments.count > 2 ? Int(arguments[2]) ?? 5 : 5
        let verbose = arguments.contains("--stats")
        // --dump writes every parsed field, one line each, to compare two builds
        // of the parser (an optimisation must not change a single line).
        let dump = arguments.contains("--dump")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { !$0.hasSuffix(".md") && !$0.hasPrefix("LICENSE") }.sorted()
        let documents = try names.map { try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent($0)) }
        let bytes = documents.reduce(0) { $0 + $1.count }
        let parser = FeedParser()
        if dump {
            for (name, data) in zip(names, documents) { print(describe(name, data, parser)) }
            return
        }
        var best = Double.infinity
        var items = 0
        for _ in 0..<rounds {
            items = 0
            let start = DispatchTime.now().uptimeNanoseconds
            for data in documents {
                items += (try? parser.parse(data))?.items.count ?? 0
            }
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        print(String(format: "FeedParser: %d files, %.1f MB, %d items, best of %d: %.3f s = %.1f MB/s, %.0f feeds/s",
                     documents.count, Double(bytes) / 1e6, items, rounds, best, Double(bytes) / 1e6 / best,
                     Double(documents.count) / best))
        guard verbose else { return }
        for (name, data) in zip(names, documents) {
            do {
                let feed = try parser.parse(data)
                let noDate = feed.items.filter { $0.published == nil && $0.updated == nil }.count
                let noTitle = feed.items.filter { $0.title == nil }.count
                let noLink = feed.items.filter { $0.link == nil }.count
                let relative = feed.items.filter { !($0.link ?? "http").hasPrefix("http") }.count
                print("\(name) \(feed.format.rawValue) items=\(feed.items.count) noDate=\(noDate) noTitle=\(noTitle) noLink=\(noLink) relLink=\(relative) warnings=\(feed.warnings.count) \(feed.warnings.first ?? "")")
            } catch {
                print("\(name) ERROR \(error)")
            }
        }
    }

    static func describe(_ name: String, _ data: Data, _ parser: FeedParser) -> String {
        do {
            let feed = try parser.parse(data)
            var lines = ["== \(name) \(feed.format.rawValue) title=\(feed.title ?? "-") link=\(feed.link ?? "-") lang=\(feed.language ?? "-") updated=\(feed.updated.map { "\($0.timeIntervalSince1970)" } ?? "-") ttl=\(feed.ttlMinutes.map(String.init) ?? "-")",
                         "description=\(feed.description ?? "-")"]
            lines += feed.warnings.map { "warning \($0)" }
            for item in feed.items {
                lines.append("- id=\(item.id) link=\(item.link ?? "-") published=\(item.published.map { "\($0.timeIntervalSince1970)" } ?? "-") updated=\(item.updated.map { "\($0.timeIntervalSince1970)" } ?? "-")")
                lines.append("  title=\(item.title ?? "-")")
                lines.append("  authors=\(item.authors) categories=\(item.categories) enclosures=\(item.enclosures)")
                lines.append("  summary=\(item.summary ?? "-")")
                lines.append("  content=\(item.content ?? "-")")
                lines.append("  summaryHTML=\(item.summaryHTML ?? "-")")
                lines.append("  contentHTML=\(item.contentHTML ?? "-")")
                lines.append("  thumbnail=\(item.thumbnailURL ?? "-")")
            }
            return lines.joined(separator: "\n")
        } catch {
            return "== \(name) ERROR \(error)"
        }
    }
}
