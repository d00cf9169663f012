import ArgumentParser
import Foundation
import Monitor

/// `--config PATH`, shared by every command that reads feeds.conf.
struct ConfigOption: ParsableArguments {
    @Option(name: .shortAndLong, help: "Path of feeds.conf (default: $FEEDWATCH_CONFIG, else ./feeds.conf).")
    var config: String?

    var path: String {
        config ?? ProcessInfo.processInfo.environment["FEEDWATCH_CONFIG"] ?? "feeds.conf"
    }
}
