/// One topic of the digest: its stories, best first, then the back-dated ones.
public struct DigestSection: Sendable, Equatable {
    public var topic: String
    public var stories: [Story]
    /// Stories whose items of the day were all published well before the day
    /// (`DigestBuilder.backdateGrace`): old news first seen today.
    public var backdated: [Story]
}
