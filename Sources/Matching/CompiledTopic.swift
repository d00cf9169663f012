/// A topic (or the [keep] rule) ready to evaluate. A class: it is handed to
/// the evaluation several times per item, and a reference costs one retain
/// where the struct's copy retained each of its parts.
final class CompiledTopic: Sendable {
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
