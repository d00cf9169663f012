import Foundation
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Two overlapping cron runs must never both poll: the second exits 3 and says why.
@Suite struct LockTests {
    @Test func secondOverlappingPollExitsWithCodeThree() throws {
        let folder = try TemporaryFolder()
        let config = folder.url.appendingPathComponent("feeds.conf")
        try """
        [settings]
        database = state/feedwatch.sqlite
        digests = digests

        [feeds]
        file:missing.xml name=missing
        """.write(to: config, atomically: true, encoding: .utf8)
        let lockFolder = folder.url.appendingPathComponent("state")
        try FileManager.default.createDirectory(at: lockFolder, withIntermediateDirectories: true)
        let lockPath = lockFolder.appendingPathComponent("feedwatch.sqlite.lock").path

        // This test plays the first poll: it holds the lock the way a running poll does.
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        defer { close(fd) }
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)

        let result = try FeedwatchBinary.run(["poll", "--config", config.path])
        #expect(result.status == 3)
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.stderr.contains("another feedwatch poll is running"))
        #expect(!FileManager.default.fileExists(atPath: lockFolder.appendingPathComponent("feedwatch.sqlite").path),
                "the locked-out run must not touch the store")
    }

    @Test func pollRunsOnceTheLockIsReleased() throws {
        let folder = try TemporaryFolder()
        let config = folder.url.appendingPathComponent("feeds.conf")
        try """
        [settings]
        database = feedwatch.sqlite

        [feeds]
        file:missing.xml name=missing
        """.write(to: config, atomically: true, encoding: .utf8)
        let lockPath = folder.url.appendingPathComponent("feedwatch.sqlite.lock").path
        let fd = open(lockPath, O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        close(fd) // closing drops the lock, as the death of a poll would

        let result = try FeedwatchBinary.run(["poll", "--config", config.path])
        // The one feed is missing, so the run fails that feed (exit 1), but it ran.
        #expect(result.status == 1)
        #expect(result.stderr.contains("missing"))
    }
}
