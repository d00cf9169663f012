import Config
import Matching

/// The one way Monitor builds a matcher, so poll, retest, eval and `match` judge an item alike.
extension Matcher {
    convenience init(configuration: Configuration) {
        self.init(entities: configuration.entities, topics: configuration.topics, keep: configuration.keep,
                  maxSuffixLength: configuration.settings.maxSuffixLength)
    }
}
