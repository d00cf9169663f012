/// The confusion counts of one group of samples and what follows from them.
public struct EvalCounts: Sendable, Equatable {
    public var truePositives = 0
    public var falsePositives = 0
    public var falseNegatives = 0
    public var trueNegatives = 0

    public init() {}

    public var total: Int { truePositives + falsePositives + falseNegatives + trueNegatives }

    /// nil when nothing was kept (precision is undefined then).
    public var precision: Double? {
        let kept = truePositives + falsePositives
        return kept == 0 ? nil : Double(truePositives) / Double(kept)
    }

    /// nil when no sample is labelled keep.
    public var recall: Double? {
        let wanted = truePositives + falseNegatives
        return wanted == 0 ? nil : Double(truePositives) / Double(wanted)
    }

    public var f1: Double? {
        guard let precision, let recall, precision + recall > 0 else { return nil }
        return 2 * precision * recall / (precision + recall)
    }

    mutating func add(label: Bool, kept: Bool) {
        switch (label, kept) {
        case (true, true): truePositives += 1
        case (false, true): falsePositives += 1
        case (true, false): falseNegatives += 1
        case (false, false): trueNegatives += 1
        }
    }
}
