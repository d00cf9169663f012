/// Why a run could not start or finish; each maps to an exit code of the command.
public enum MonitorError: Error, Sendable, Equatable, CustomStringConvertible {
    /// feeds.conf could not be read or is wrong (exit 2).
    case configuration(String)
    /// Another poll holds the lock (exit 3).
    case locked(path: String)
    /// The store or the digest folder failed (exit 1).
    case storage(String)
    /// A single document given to `parse` or `match` could not be read.
    case input(String)

    public var description: String {
        switch self {
        case .configuration(let message): return message
        case .locked(let path): return "another feedwatch poll is running (lock held: \(path)); exiting"
        case .storage(let message): return message
        case .input(let message): return message
        }
    }
}
