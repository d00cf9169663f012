import Foundation
import TestSupport

/// Runs the built `feedwatch` executable, as cron or a person would.
struct FeedwatchBinary {
    typealias Result = ChildProcess.Result

    /// The binary sits beside the test bundle in the build folder.
    static var url: URL {
        let bundleFolder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [bundleFolder, Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("feedwatch")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repositoryRoot.appendingPathComponent(".build/debug/feedwatch")
    }

    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var sharedFolder: URL {
        repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    @discardableResult
    static func run(_ arguments: [String], in directory: URL? = nil) throws -> Result {
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "FEEDWATCH_CONFIG")
        return try ChildProcess.run(url, arguments, in: directory, environment: environment)
    }
}
