/// The outcome of `feedwatch eval`: counts overall and per language, and every sample's outcome.
public struct EvalReport: Sendable, Equatable {
    public var outcomes: [EvalOutcome]
    public var overall: EvalCounts
    /// Per language, in order of first appearance; samples without one are under `-`.
    public var perLanguage: [(language: String, counts: EvalCounts)]

    public var falsePositives: [EvalOutcome] { outcomes.filter { $0.kept && !$0.sample.label } }
    public var falseNegatives: [EvalOutcome] { outcomes.filter { !$0.kept && $0.sample.label } }

    public static func == (a: EvalReport, b: EvalReport) -> Bool {
        a.outcomes == b.outcomes && a.overall == b.overall
            && a.perLanguage.map(\.language) == b.perLanguage.map(\.language)
            && a.perLanguage.map(\.counts) == b.perLanguage.map(\.counts)
    }
}
