/// A failure of the database: "open /var/lib/feedwatch.sqlite: disk I/O error".
public struct StoreError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
