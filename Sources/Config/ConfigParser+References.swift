import FeedModel

extension ConfigParser {
    /// `@NAME` is an entity when one has that name, else a topic; a name that
    /// is neither is an error at the reference, with a suggestion.
    mutating func resolveReferences(in topic: inout TopicDraft) throws(ConfigError) {
        var topicNames: Set<String> = []
        for reference in topic.references where entityLines[reference.name] == nil {
            guard topicLines[reference.name] != nil else {
                throw unknownName(reference.name, line: reference.line, column: reference.column, allowingTopics: true)
            }
            if reference.inNear {
                throw error(reference.line, reference.column,
                            "@\(reference.name) is a topic, and NEAR/n needs words, phrases or @entities on each side")
            }
            topicNames.insert(reference.name)
        }
        if !topicNames.isEmpty, let rule = topic.rule {
            topic.rule = Self.markingTopics(topicNames, in: rule)
        }
    }

    /// A topic that refers to itself, directly or through others, is an error
    /// at the reference that closes the cycle.
    func checkTopicCycles() throws(ConfigError) {
        var state = [Int](repeating: 0, count: topics.count)  // 0 new, 1 on the path, 2 done
        var path: [String] = []
        func visit(_ index: Int) throws(ConfigError) {
            state[index] = 1
            path.append(topics[index].name)
            for reference in topics[index].references where entityLines[reference.name] == nil {
                guard let next = topics.firstIndex(where: { $0.name == reference.name }) else { continue }
                if state[next] == 1 {
                    let cycle = path[(path.firstIndex(of: reference.name) ?? 0)...] + [reference.name]
                    throw error(reference.line, reference.column,
                                "topic \(reference.name) refers to itself: "
                                + cycle.map { "@" + $0 }.joined(separator: " -> ") + " (a cycle)")
                }
                if state[next] == 0 { try visit(next) }
            }
            path.removeLast()
            state[index] = 2
        }
        for index in topics.indices where state[index] == 0 {
            try visit(index)
        }
    }

    /// The entity's `unless` / `requires` lines, with every @entity in them checked.
    func resolveConditions(of entity: EntityDraft) throws(ConfigError) -> [EntityCondition] {
        for condition in entity.conditions {
            for reference in condition.references where entityLines[reference.name] == nil {
                throw unknownName(reference.name, line: reference.line, column: reference.column, allowingTopics: false)
            }
        }
        return entity.conditions.map(\.condition)
    }

    private func unknownName(_ name: String, line: Int, column: Int, allowingTopics: Bool) -> ConfigError {
        var message = "unknown entity @\(name)"
        if let suggestion = Suggestion.closest(to: name, among: entities.map(\.name))
            ?? (allowingTopics ? Suggestion.closest(to: name, among: topics.map(\.name)) : nil) {
            message += " (did you mean @\(suggestion)?)"
        }
        return error(line, column, message)
    }

    private static func markingTopics(_ names: Set<String>, in rule: RuleExpression) -> RuleExpression {
        func mark(_ rule: RuleExpression) -> RuleExpression {
            switch rule {
            case .entity(let name) where names.contains(name): return .topic(name)
            case .entity, .term, .topic, .attribute: return rule
            case .and(let parts): return .and(parts.map(mark))
            case .or(let parts): return .or(parts.map(mark))
            case .not(let inner): return .not(mark(inner))
            case .near(let left, let right, let within): return .near(mark(left), mark(right), within: within)
            case .scoped(let field, let inner): return .scoped(field, mark(inner))
            case .weighted(let inner, let weight): return .weighted(mark(inner), weight)
            }
        }
        return mark(rule)
    }
}
