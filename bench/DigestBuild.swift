// Time to build one day's digest from a store of 30 days x N items a day (issue 6):
// reading the day from the store, building the model, rendering Markdown, and the whole
// DigestRun.write (read + build + render + atomic write). Built and run by
// bench/digest-build.sh; not part of the package.
//
// The store is generated once per size and kept (work folder): ~200 feeds, 30 days, N items
// a day, half of them kept under 1-2 of 6 topics with 1-5 entity hits; 40 % of the items
// are copies (lightly edited) of a story told by 2 to 40 outlets; every fetch also lists
// the feed's last 10 items of the day before, a few of them edited (revisions) or missing
// (take-downs).
import Foundation
import Config
import FeedModel
import Storage
import Digest
import Monitor

@main
struct DigestBuild {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String, _ fallback: String) -> String {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return fallback }
            let value = arguments[index + 1]
            arguments.removeSubrange(index...(index + 1))
            return value
        }
        let work = option("--work", ".build/bench/digest")
        let sizes = option("--per-day", "1000,3000,10000").split(separator: ",").compactMap { Int($0) }
        let days = Int(option("--days", "30")) ?? 30
        let feeds = Int(option("--feeds", "200")) ?? 200
        let rounds = Int(option("--rounds", "5")) ?? 5
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)

        var rows: [String] = []
        for perDay in sizes {
            let folder = "\(work)/\(days)x\(perDay)"
            let configuration = try Generator.configuration(feeds: feeds, folder: folder)
            let path = configuration.settings.databasePath
            if !FileManager.default.fileExists(atPath: path) {
                let started = Date()
                try Generator(days: days, perDay: perDay, feeds: configuration.feeds).fill(Store(path: path))
                print("generated \(path) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
            }
            let store = try Store(path: path)
            let run = DigestRun(configuration: configuration, store: store)
            let zone = configuration.settings.timeZone
            // The last day, read as "today" (feed health included: the most work).
            let day = DigestDay(containing: Generator.start.addingTimeInterval(Double(days - 1) * 86_400 + 43_200), in: zone)
            let now = day.start.addingTimeInterval(86_000)

            var read: [Double] = [], build: [Double] = [], render: [Double] = [], total: [Double] = []
            var cpu: [Double] = []
            var model: DigestModel?
            var bytes = 0
            for _ in 0..<rounds {
                let c0 = cpuSeconds()
                let t0 = DispatchTime.now().uptimeNanoseconds
                let input = try run.input(for: day, now: now)
                let t1 = DispatchTime.now().uptimeNanoseconds
                let built = run.builder.build(input)
                let t2 = DispatchTime.now().uptimeNanoseconds
                let text = DigestRenderer(timeZone: zone).markdown(built)
                let t3 = DispatchTime.now().uptimeNanoseconds
                _ = try run.write(day: day, now: now)
                let t4 = DispatchTime.now().uptimeNanoseconds
                let c4 = cpuSeconds()
                read.append(Double(t1 - t0) / 1e9)
                build.append(Double(t2 - t1) / 1e9)
                render.append(Double(t3 - t2) / 1e9)
                total.append(Double(t4 - t3) / 1e9)
                // Read + build + render + write, on the CPU: steadier than wall time on a busy machine.
                cpu.append((c4 - c0) / 2)
                model = built
                bytes = text.utf8.count
            }
            guard let model else { continue }
            let stories = model.sections.flatMap(\.stories)
            let biggest = stories.map { $0.outlets.count }.max() ?? 0
            rows.append("| \(days) x \(perDay.formatted()) | \(model.itemCount.formatted()) | \(model.sharedStoryCount) (max \(biggest) outlets) | "
                        + "\(ms(median(read))) | \(ms(median(build))) | \(ms(median(render))) | \(ms(median(total))) | \(ms(median(cpu))) | \(bytes / 1024) KB |")
        }
        print("")
        print("Median of \(rounds) rounds, wall time; total = DigestRun.write (read + build + render + atomic write);")
        print("CPU = process CPU time of one DigestRun.write (half of the timed phases, which do the work twice).")
        print("")
        print("| store (days x items/day) | kept items of the day | stories with several outlets | read store | build model | render Markdown | total | total, CPU | digest size |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
        rows.forEach { print($0) }
    }

    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func median(_ values: [Double]) -> Double { values.sorted()[values.count / 2] }
    static func ms(_ seconds: Double) -> String { String(format: "%.0f ms", seconds * 1000) }
}

/// A deterministic synthetic store (same seed, same store).
struct Generator {
    /// 2024-03-01 00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_709_251_200)
    static let topics = ["Karabakh", "Peace-process", "Energy", "Georgian-politics", "Armenian-politics", "Azerbaijani-politics"]
    static let entities = (0..<40).map { "Entity-\($0)" }

    let days: Int
    let perDay: Int
    let feeds: [FeedSource]
    let random = SplitMix(seed: 2024)
    let vocabulary: [String]

    init(days: Int, perDay: Int, feeds: [FeedSource]) {
        self.days = days
        self.perDay = perDay
        self.feeds = feeds
        var random = SplitMix(seed: 7)
        let alphabets = [Array("abcdefghijklmnopqrstuvwxyzəğışçö"), Array("абвгдежзийклмнопрстуфхцчшыэюя"),
                         Array("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ"), Array("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ")]
        vocabulary = (0..<6000).map { index in
            let letters = alphabets[index % alphabets.count]
            return String((0..<(3 + Int(random.next() % 8))).map { _ in letters[Int(random.next() % UInt64(letters.count))] })
        }
    }

    static func configuration(feeds: Int, folder: String) throws -> Configuration {
        var lines = ["[settings]", "database = store.sqlite", "digests = digests", "timezone = Asia/Baku", "", "[feeds]"]
        let countries = ["AZ", "AM", "GE", "RU", "TR"], languages = ["az", "hy", "ka", "ru", "en"]
        for index in 0..<feeds {
            lines.append("https://feed\(index).example/rss name=feed\(index) country=\(countries[index % 5]) lang=\(languages[(index / 5) % 5])")
        }
        for entity in entities {
            lines += ["", "[entity \(entity)]", "kind = region", "spellings = \(entity.replacingOccurrences(of: "-", with: ""))"]
        }
        for topic in topics {
            lines += ["", "[topic \(topic)]", "rule = @\(entities[topics.firstIndex(of: topic)!])"]
        }
        return try ConfigLoader.parse(lines.joined(separator: "\n") + "\n", fileName: "bench.conf", baseDirectory: folder)
    }

    func words(_ count: Int, _ random: inout SplitMix) -> [String] {
        (0..<count).map { _ in vocabulary[Int(random.next() % UInt64(vocabulary.count))] }
    }

    /// A copy of a story's words with about one word in ten replaced.
    func edited(_ words: [String], _ random: inout SplitMix) -> [String] {
        words.map { random.next() % 10 == 0 ? vocabulary[Int(random.next() % UInt64(vocabulary.count))] : $0 }
    }

    func match(_ random: inout SplitMix) -> MatchResult {
        guard random.next() % 2 == 0 else { return MatchResult() }
        let first = Int(random.next() % UInt64(Self.topics.count))
        var topics = [Self.topics[first]]
        if random.next() % 3 == 0 { topics.append(Self.topics[(first + 1) % Self.topics.count]) }
        let hits = (0..<(1 + Int(random.next() % 5))).map { _ -> Hit in
            let entity = Self.entities[Int(random.next() % UInt64(Self.entities.count))]
            let spelling = entity.replacingOccurrences(of: "-", with: "")
            return Hit(entity: entity, spelling: spelling, field: random.next() % 2 == 0 ? .title : .summary,
                       matchedText: spelling, start: 0, end: spelling.utf8.count)
        }
        return MatchResult(topics: topics, hits: hits)
    }

    /// Each feed is fetched once a day, the feeds spread over the day.
    static func checkedAt(day: Int, feed: Int, of count: Int) -> Date {
        start.addingTimeInterval(Double(day) * 86_400 + Double(feed * 86_000 / count))
    }

    func fill(_ store: Store) throws {
        var random = self.random
        var yesterday: [[FeedItem]] = Array(repeating: [], count: feeds.count)
        for day in 0..<days {
            // 60 % single items, 40 % copies of stories told by 2-40 outlets.
            var texts: [(title: [String], summary: [String])] = []
            while texts.count < perDay * 6 / 10 { texts.append((words(9, &random), words(35, &random))) }
            while texts.count < perDay {
                let size = min(perDay - texts.count, 2 + Int(random.next() % 39))
                let title = words(10, &random), summary = words(35, &random)
                for _ in 0..<size { texts.append((edited(title, &random), edited(summary, &random))) }
            }
            var byFeed: [[(FeedItem, MatchResult)]] = Array(repeating: [], count: feeds.count)
            for (index, text) in texts.enumerated() {
                let feed = Int(random.next() % UInt64(feeds.count))
                // Published up to 6 hours before the feed's fetch of the day.
                let published = Self.checkedAt(day: day, feed: feed, of: feeds.count)
                    .addingTimeInterval(-Double(random.next() % 21_600))
                let item = FeedItem(id: "d\(day)-\(index)", title: text.title.joined(separator: " "),
                                    link: "https://feed\(feed).example/\(day)/\(index)", published: published,
                                    summary: text.summary.joined(separator: " "))
                byFeed[feed].append((item, match(&random)))
            }
            for (feed, source) in feeds.enumerated() {
                // Yesterday's newest 10 are still listed; one in 30 edited, one in 40 taken down.
                var listed = byFeed[feed]
                for (position, old) in yesterday[feed].suffix(10).enumerated() {
                    let roll = random.next() % 120
                    if roll < 3, position < 9 { continue }
                    var item = old
                    if roll < 7 { item.title = (item.title ?? "") + " (updated)" }
                    listed.append((item, MatchResult()))
                }
                let checkedAt = Self.checkedAt(day: day, feed: feed, of: feeds.count)
                _ = try store.save(FetchRecord(feed: source, checkedAt: checkedAt,
                                               outcome: .fetched(feedTitle: source.name, etag: nil, lastModified: nil,
                                                                 items: listed)))
                yesterday[feed] = byFeed[feed].map(\.0).sorted { ($0.published ?? .distantPast) < ($1.published ?? .distantPast) }
            }
        }
    }
}

struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
