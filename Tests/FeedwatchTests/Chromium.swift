import Foundation
import TestSupport

/// Headless Chromium (Debian package `chromium`, installed by scripts/setup --tests), run with a
/// time limit: the browser check of the HTML digest.
enum Chromium {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs Chromium on `page` with `arguments` (--dump-dom, --screenshot=...) and returns its
    /// standard output. `--no-sandbox` because CI runs as root; a fresh profile per run, so
    /// parallel tests do not share one. Killed after `timeout` seconds.
    static func run(_ arguments: [String], page: URL, timeout: TimeInterval = 90) throws -> String {
        guard let path else { throw Failure(description: "no chromium binary") }
        let folder = try TemporaryFolder()
        let result = try ChildProcess.run(
            URL(fileURLWithPath: path),
            ["--headless", "--disable-gpu", "--no-sandbox", "--no-first-run", "--disable-dev-shm-usage",
             "--user-data-dir=" + folder.url.appendingPathComponent("profile").path] + arguments + [page.absoluteString],
            timeout: timeout)
        if result.timedOut {
            throw Failure(description: "chromium did not finish within \(Int(timeout)) s")
        }
        guard result.status == 0 else {
            throw Failure(description: "chromium exited with \(result.status): \(result.stderr.suffix(2_000))")
        }
        return result.stdout
    }

    /// Width and height from a PNG's IHDR chunk, or nil when `data` is not a PNG.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
              bytes[12..<16] == [0x49, 0x48, 0x44, 0x52] else { return nil }
        func big(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (big(16), big(20))
    }
}
