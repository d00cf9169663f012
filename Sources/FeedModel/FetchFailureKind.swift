/// Why a feed could not be fetched or read, in the categories a health
/// report tells apart.
public enum FetchFailureKind: String, Sendable, Codable, CaseIterable {
    case dns
    case connect
    case timeout
    case tls
    case http4xx = "http-4xx"
    case http5xx = "http-5xx"
    case rateLimited = "rate-limited"
    case botChallenge = "bot-challenge"
    case htmlNotFeed = "html-not-feed"
    case empty
    case tooLarge = "too-large"
    case unparseable
    case refused
    case other
}
