import GRDB

/// A failure of the database: "open /var/lib/feedwatch.sqlite: disk I/O error".
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }

    /// Wraps any error thrown while doing `context` ("save feed azertag"), keeping
    /// SQLite's own words but not the SQL text or its arguments (they can hold whole articles).
    static func wrapping(_ error: any Error, _ context: String) -> StoreError {
        if let storeError = error as? StoreError {
            return StoreError(message: "\(context): \(storeError.message)")
        }
        if let dbError = error as? DatabaseError {
            let reason = dbError.message ?? "SQLite error \(dbError.resultCode.rawValue)"
            return StoreError(message: "\(context): \(reason)")
        }
        return StoreError(message: "\(context): \(error)")
    }
}
