/// A mistake in feeds.conf, located to the character: "feeds.conf:42:7: unknown entity @Karabah".
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the error is about the whole file (it cannot be read, for one).
    public var line: Int
    /// 1-based, counted in characters of the line; 0 together with line 0.
    public var column: Int
    public var message: String

    public init(file: String, line: Int, column: Int, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}
