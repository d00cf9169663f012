import FeedModel

/// Turns entities, their conditions and the topic rules into patterns of one
/// table and rules over indices.
struct RuleCompiler {
    var table: PatternTable
    private var entityIndex: [String: Int] = [:]
    private var topicIndex: [String: Int] = [:]
    private var topicWeights: [Double] = []
    private let entityNames: [String]
    /// Terms that normalise alike ("Border", "border") are one term.
    private struct TermKey: Hashable { let bytes: [UInt8]; let isStem: Bool }
    private var termIndex: [TermKey: Int] = [:]
    private struct LeafKey: Hashable { let target: MatchTarget; let fields: UInt8 }
    private var leafIDs: [LeafKey: Int] = [:]

    /// Fields some rule or condition looks in (title, summary and content always).
    private(set) var scannedFields = FieldMask.text
    /// Whether some NEAR or `_near` condition needs word distances.
    private(set) var needsPositions = false
    /// The targets that some NEAR compares by word distance.
    private(set) var nearTargets: Set<MatchTarget> = []
    var termCount: Int { termIndex.count }

    init(entities: [EntityDefinition], topics: [TopicDefinition], normalizer: TextNormalizer) {
        table = PatternTable(normalizer: normalizer)
        entityNames = entities.map(\.name)
        for (index, entity) in entities.enumerated() {
            if entityIndex[entity.name] == nil { entityIndex[entity.name] = index }
            var variants: [Spelling: Int] = [:]
            for (number, variant) in entity.contested.enumerated() {
                for spelling in variant.spellings where variants[spelling] == nil { variants[spelling] = number }
            }
            for spelling in entity.spellings { table.add(spelling, for: .entity(index), variant: variants[spelling]) }
            for (spelling, number) in variants where !entity.spellings.contains(spelling) {
                table.add(spelling, for: .entity(index), variant: number)
            }
        }
        for (index, topic) in topics.enumerated() where topicIndex[topic.name] == nil {
            topicIndex[topic.name] = index
        }
        topicWeights = topics.map(\.weight)
    }

    mutating func conditions(of entity: EntityDefinition) -> [CompiledCondition] {
        entity.conditions.map { condition in
            var targets: [MatchTarget] = []
            var labels: [MatchTarget: String] = [:]
            for context in condition.context {
                let target: MatchTarget?
                switch context {
                case .entity(let name): target = entityIndex[name].map(MatchTarget.entity)
                case .term(let spelling): target = .term(term(spelling))
                default: target = nil
                }
                guard let target else { continue }
                targets.append(target)
                labels[target] = Self.label(of: context)
            }
            if condition.withinWords != nil { needsPositions = true }
            return CompiledCondition(effect: condition.effect, targets: targets, labels: labels,
                                     withinWords: condition.withinWords)
        }
    }

    mutating func compile(_ rule: RuleExpression, fields: FieldMask = .text) -> CompiledRule {
        switch rule {
        case .entity(let name):
            if entityIndex[name] == nil, let topic = topicIndex[name] {
                return .topic(topic, weight: topicWeights[topic], label: "@\(name) (topic)")
            }
            return .leaf(leaf(entityIndex[name].map(MatchTarget.entity), fields: fields, label: "@\(name)"))
        case .term(let spelling):
            return .leaf(leaf(.term(term(spelling)), fields: fields, label: Self.label(of: rule)))
        case .topic(let name):
            let index = topicIndex[name]
            return .topic(index, weight: index.map { topicWeights[$0] } ?? 1, label: "@\(name) (topic)")
        case .attribute(let attribute, let value):
            return .attribute(attribute, value)
        case .and(let parts):
            return .and(parts.map { compile($0, fields: fields) })
        case .or(let parts):
            return .or(parts.map { compile($0, fields: fields) })
        case .not(let inner):
            return .not(compile(inner, fields: fields))
        case .scoped(let field, let inner):
            let scope = FieldMask(field)
            scannedFields.insert(scope)
            // A scope inside a scope narrows it: title:(summary:x) is never true.
            let narrowed = fields == .text ? scope : fields.intersection(scope)
            return .scoped(field, compile(inner, fields: narrowed))
        case .near(let left, let right, let within):
            needsPositions = true
            let leftRule = compile(left, fields: fields), rightRule = compile(right, fields: fields)
            let leftLeaves = Self.positional(leftRule), rightLeaves = Self.positional(rightRule)
            for leaf in (leftLeaves ?? []) + (rightLeaves ?? []) {
                if let target = leaf.target { nearTargets.insert(target) }
            }
            return .near(leftLeaves, rightLeaves, within: within, left: leftRule, right: rightRule)
        case .weighted(let inner, let weight):
            return .weighted(compile(inner, fields: fields), weight)
        }
    }

    /// The leaves of a NEAR operand: terms, @entities, ORs and scopes of them; nil for anything else.
    private static func positional(_ rule: CompiledRule) -> [CompiledRule.Leaf]? {
        switch rule {
        case .leaf(let leaf): return leaf.target == nil ? [] : [leaf]
        case .scoped(_, let inner), .weighted(let inner, _): return positional(inner)
        case .or(let parts):
            var leaves: [CompiledRule.Leaf] = []
            for part in parts {
                guard let inner = positional(part) else { return nil }
                leaves += inner
            }
            return leaves
        default: return nil
        }
    }

    private mutating func term(_ spelling: Spelling) -> Int {
        let key = TermKey(bytes: table.normalizer.normalizeSpelling(spelling.text), isStem: spelling.isStem)
        if let known = termIndex[key] { return known }
        let index = termIndex.count
        termIndex[key] = index
        table.add(spelling, for: .term(index))
        return index
    }

    private mutating func leaf(_ target: MatchTarget?, fields: FieldMask, label: String) -> CompiledRule.Leaf {
        guard let target else { return CompiledRule.Leaf(id: -1, target: nil, fields: fields, label: label) }
        let key = LeafKey(target: target, fields: fields.rawValue)
        let id = leafIDs[key] ?? leafIDs.count
        leafIDs[key] = id
        return CompiledRule.Leaf(id: id, target: target, fields: fields, label: label)
    }

    /// `@Name`, `border*`, `"peace treaty"`.
    static func label(of expression: RuleExpression) -> String {
        switch expression {
        case .entity(let name), .topic(let name): return "@" + name
        case .term(let spelling):
            return spelling.text.contains(" ") ? "\"\(spelling.text)\"" + (spelling.isStem ? "*" : "") : spelling.written
        default: return ""
        }
    }
}
