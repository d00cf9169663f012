/// One line of "at a glance": how many kept items named a topic or entity today, against
/// its daily average over the days before.
public struct GlanceRow: Sendable, Equatable {
    public enum Kind: String, Sendable { case topic, entity }
    public var kind: Kind
    public var name: String
    public var count: Int
    /// nil when the store has no kept item at all in the days before (a new store): nothing to compare.
    public var average: Double?
    /// At least `DigestBuilder.spikeFactor` × the average and `DigestBuilder.spikeMinimum` items.
    public var isSpike: Bool
}
