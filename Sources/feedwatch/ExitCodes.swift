import ArgumentParser
import Monitor

/// The exit codes promised in --help and the README.
enum ExitCodes {
    static let feedsFailed = ExitCode(1)
    static let badConfiguration = ExitCode(2)
    static let locked = ExitCode(3)

    /// Prints a MonitorError on stderr and picks its exit code.
    static func fail(_ error: MonitorError) -> ExitCode {
        printError("feedwatch: \(error)")
        switch error {
        case .configuration: return badConfiguration
        case .locked: return locked
        case .storage, .input: return ExitCode.failure
        }
    }
}

/// Runs a Monitor call; its MonitorError becomes a message on stderr and the right exit code.
func monitoring<T>(_ body: () throws(MonitorError) -> T) throws -> T {
    do {
        return try body()
    } catch {
        throw ExitCodes.fail(error)
    }
}
