/// A topic (or the [keep] rule) ready to evaluate.
struct CompiledTopic: Sendable {
    let rule: CompiledRule
    let threshold: Double?
    let ruleText: String
}
