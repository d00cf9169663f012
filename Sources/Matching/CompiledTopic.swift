/// A topic (or the [keep] rule) ready to evaluate.
struct CompiledTopic: Sendable {
    let rule: CompiledRule
    let threshold: Double?
    let ruleText: String
    /// The same rule flattened, for evaluating it per item.
    let program: RuleProgram

    init(rule: CompiledRule, threshold: Double?, ruleText: String) {
        self.rule = rule
        self.threshold = threshold
        self.ruleText = ruleText
        program = RuleProgram(rule)
    }
}
