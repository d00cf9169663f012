import FeedModel

/// A `CompiledRule` flattened in preorder into plain values, so evaluating it
/// per item walks an array instead of an indirect enum (no reference counting).
/// Node k's subtree is `k ..< nodes[k].end`; its children follow it, one
/// subtree after the other. Truth values and scores come from the program
/// alone; traces walk the tree and the program side by side (node numbers are
/// the tree's preorder).
struct RuleProgram: Sendable {
    enum Kind: UInt8, Sendable {
        /// `transparent`: a field scope (already applied to its leaves); `weighted`: `^w`.
        case entity, term, missing, topic, missingTopic, attribute, and, or, not, transparent, weighted, near
    }

    struct Node: Sendable {
        let kind: Kind
        /// The leaf's fields.
        let fields: FieldMask
        /// Entity, term or topic index; for `attribute` and `near`, the index
        /// into `attributes` / `nears`.
        let index: Int32
        /// The leaf's `CompiledRule.Leaf.id` (what the score counts once).
        let id: Int32
        /// For `topic` and `weighted`: the weight the score gives the node.
        let weight: Double
        var end: Int32
    }

    struct Near: Sendable {
        let left: [CompiledRule.Leaf]?
        let right: [CompiledRule.Leaf]?
        let within: Int
    }

    private(set) var nodes: [Node] = []
    private(set) var attributes: [(FeedAttribute, String)] = []
    private(set) var nears: [Near] = []
    /// Leaves and topic references: at most this many terms in a score.
    private(set) var scoredCount = 0

    init(_ rule: CompiledRule) {
        add(rule)
    }

    private mutating func add(_ rule: CompiledRule) {
        let k = nodes.count
        switch rule {
        case .leaf(let leaf):
            scoredCount += 1
            switch leaf.target {
            case .entity(let index)?: append(.entity, fields: leaf.fields, index: index, id: leaf.id)
            case .term(let index)?: append(.term, fields: leaf.fields, index: index, id: leaf.id)
            case nil: append(.missing, id: leaf.id)
            }
        case .topic(let index, let weight, _):
            scoredCount += 1
            if let index { append(.topic, index: index, weight: weight) } else { append(.missingTopic, weight: weight) }
        case .attribute(let attribute, let value):
            append(.attribute, index: attributes.count)
            attributes.append((attribute, value))
        case .and(let parts):
            append(.and)
            parts.forEach { add($0) }
        case .or(let parts):
            append(.or)
            parts.forEach { add($0) }
        case .not(let inner):
            append(.not)
            add(inner)
        case .scoped(_, let inner):
            append(.transparent)
            add(inner)
        case .weighted(let inner, let weight):
            append(.weighted, weight: weight)
            add(inner)
        case .near(let left, let right, let within, let leftRule, let rightRule):
            append(.near, index: nears.count)
            nears.append(Near(left: left, right: right, within: within))
            add(leftRule)
            add(rightRule)
        }
        nodes[k].end = Int32(nodes.count)
    }

    private mutating func append(_ kind: Kind, fields: FieldMask = [], index: Int = 0, id: Int = -1, weight: Double = 0) {
        nodes.append(Node(kind: kind, fields: fields, index: Int32(index), id: Int32(id), weight: weight, end: 0))
    }
}
