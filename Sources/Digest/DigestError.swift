/// A failure while writing a digest: "write /srv/digests/2024-04-18.md: No space left on device".
public struct DigestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
