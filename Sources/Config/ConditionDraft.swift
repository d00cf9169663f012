import FeedModel

/// An `unless` / `requires` line, with its @entities kept for checking once
/// every entity of the file is known.
struct ConditionDraft {
    var condition: EntityCondition
    var references: [EntityReference]
}
