import ArgumentParser
import Foundation

@main
struct Feedwatch: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "feedwatch",
        abstract: "Fetch, filter and digest news feeds about the South Caucasus.",
        discussion: """
        Exit codes: 0 all good; 1 some feeds failed (the others were still stored); \
        2 bad configuration or usage; 3 another poll holds the lock.
        """,
        subcommands: [Poll.self, Feeds.self, DigestCommand.self, Parse.self, Match.self, Eval.self, Retest.self]
    )

    /// ArgumentParser exits with 64 on a usage error; feedwatch promises 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code.rawValue == 64 {
                printError(fullMessage(for: error))
                exit(withError: ExitCode(2))
            }
            exit(withError: error)
        }
    }
}
