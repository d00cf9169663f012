/// A topic rule with names and terms resolved to indices, evaluated over the
/// entities and terms found in an item.
indirect enum CompiledRule: Sendable {
    /// nil: an entity that is not defined (Config rejects those; here it is false).
    case entity(Int?)
    case term(Int)
    case and([CompiledRule])
    case or([CompiledRule])
    case not(CompiledRule)

    func evaluate(entities: [Bool], terms: [Bool]) -> Bool {
        switch self {
        case .entity(let index):
            guard let index else { return false }
            return entities[index]
        case .term(let index):
            return terms[index]
        case .and(let parts):
            return parts.allSatisfy { $0.evaluate(entities: entities, terms: terms) }
        case .or(let parts):
            return parts.contains { $0.evaluate(entities: entities, terms: terms) }
        case .not(let inner):
            return !inner.evaluate(entities: entities, terms: terms)
        }
    }
}
