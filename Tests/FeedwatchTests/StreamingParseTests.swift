import Foundation
import Glibc
import TestSupport
import Testing

/// `feedwatch parse FILE` reads the file in chunks: a 100 MB feed costs less
/// than 64 MB of memory beyond what a tiny feed costs.
@Suite struct StreamingParseTests {
    /// Runs the binary with stdout to `output` and returns its exit status and peak RSS in bytes.
    /// The peak is the child's own VmHWM from /proc, read until it exits: wait4's ru_maxrss
    /// would not do, since Linux counts the spawning test process's memory in it at exec.
    private func runMeasured(_ arguments: [String], output: URL) throws -> (status: Int32, maxRSS: Int) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([FeedwatchBinary.url.path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, FeedwatchBinary.url.path, &actions, nil, argv, environ)
        try #require(spawned == 0, "posix_spawn: \(String(cString: strerror(spawned)))")
        var status: Int32 = 0
        var peak = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid || (done == -1 && errno != EINTR) { break }
            peak = max(peak, Self.highWaterMark(of: pid))
            usleep(5_000)
        }
        let exitCode = (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
        return (exitCode, peak)
    }

    /// VmHWM of /proc/PID/status in bytes (0 once the process is gone).
    private static func highWaterMark(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first ?? 0
        return kilobytes * 1024
    }

    private func item(_ n: Int) -> String {
        "<item><title>Item \(n)</title><link>https://big.example/\(n)</link><description>Text \(n)</description></item>\n"
    }

    @Test func a100MBFeedParsesInUnder64MBBeyondATinyOne() throws {
        let folder = try TemporaryFolder()
        let tiny = folder.url.appendingPathComponent("tiny.xml")
        try Data(("<rss version=\"2.0\" xmlns:x=\"urn:x-bulk\"><channel><title>t</title>\n"
            + (1...5).map(item).joined() + "</channel></rss>\n").utf8).write(to: tiny)

        // 100 MB: five items, a huge extension element nobody reads, five more items.
        let big = folder.url.appendingPathComponent("big.xml")
        _ = FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        handle.write(Data(("<rss version=\"2.0\" xmlns:x=\"urn:x-bulk\"><channel><title>t</title>\n"
            + (1...5).map(item).joined() + "<x:bulk>\n").utf8))
        let paragraph = "<x:p>" + String(repeating: "Lorem ipsum dolor sit amet, Baku Yerevan Tbilisi. ", count: 80) + "</x:p>\n"
        let block = Data(String(repeating: paragraph, count: 1_000_000 / paragraph.utf8.count + 1).utf8)
        var written = 0
        while written < 100_000_000 {
            handle.write(block)
            written += block.count
        }
        handle.write(Data(("</x:bulk>\n" + (6...10).map(item).joined() + "</channel></rss>\n").utf8))
        try handle.close()

        let tinyRun = try runMeasured(["parse", "--json", tiny.path], output: folder.url.appendingPathComponent("tiny.json"))
        let bigOutput = folder.url.appendingPathComponent("big.json")
        let bigRun = try runMeasured(["parse", "--json", big.path], output: bigOutput)
        #expect(tinyRun.status == 0)
        #expect(bigRun.status == 0)
        let feed = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: bigOutput)) as? [String: Any])
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.map { $0["title"] as? String } == (1...10).map { "Item \($0)" })
        #expect(bigRun.maxRSS > 0)
        let extra = bigRun.maxRSS - tinyRun.maxRSS
        print("StreamingParseTests: tiny feed \(tinyRun.maxRSS >> 20) MB peak, 100 MB feed \(bigRun.maxRSS >> 20) MB peak")
        #expect(extra < 64 << 20, "a 100 MB feed took \(extra >> 20) MB more than a tiny one")
    }
}
