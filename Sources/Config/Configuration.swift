import FeedModel

/// Everything feeds.conf says: settings, feeds, the gazetteer and the topics.
public struct Configuration: Sendable, Equatable {
    public var settings: Settings
    public var feeds: [FeedSource]
    public var entities: [EntityDefinition]
    public var topics: [TopicDefinition]
    /// The [keep] rule (named `keep`): what is kept at all. nil: an item is kept when any topic fires.
    public var keep: TopicDefinition?

    public init(settings: Settings, feeds: [FeedSource], entities: [EntityDefinition], topics: [TopicDefinition],
                keep: TopicDefinition? = nil) {
        self.settings = settings
        self.feeds = feeds
        self.entities = entities
        self.topics = topics
        self.keep = keep
    }
}
