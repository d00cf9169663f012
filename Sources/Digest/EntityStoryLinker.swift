import Foundation
import FeedModel

/// Finds items of different feeds that report the same event in different languages, from
/// the entities they matched, which are the same names whatever the script.
///
/// Why: MinHash over word pairs (`StoryFingerprint`) only sees near-duplicate wording, so
/// the same event told in English, Russian, Azerbaijani, Armenian and Georgian made five
/// stories. Entities are language-independent evidence, but weak alone: nearly every item
/// of a South Caucasus digest names Azerbaijan, Armenia or Nagorno-Karabakh. So each entity
/// weighs by its rarity among the window's items (IDF), and two items are linked only when
///
/// - they come from different feeds (one outlet's items are not "several outlets");
/// - they share a topic (the same names in a sports item and a politics item are two events);
/// - they share at least two entities, at least one of them not country- or region-level
///   (`broadKinds`): a person, a force, a place, an organisation pins down an event, a country does not;
/// - the IDF-weighted Jaccard similarity of their entity sets is at least `threshold`:
///   Σ w(shared) / Σ w(either). Two reports of one event share most of their rare names;
///   two events that only share a busy politician and the countries do not.
struct EntityStoryLinker {
    /// Weighted Jaccard similarity from which two items are one story.
    var threshold: Double
    /// Entity kinds too broad to identify an event on their own (feeds.conf `kind =`).
    var broadKinds: Set<String>
    /// Kind of each entity by name; an entity not named counts as specific.
    var kinds: [String: String]

    /// Pairs of indexes into `items` (lower first) that the rule links, in ascending order.
    func links(_ items: [MatchedItem]) -> [(Int, Int)] {
        // Context entities (kind = context) are qualifiers of rules, not what an item is about.
        let entities: [Set<String>] = items.map { item in
            Set(item.hits.compactMap(\.entity).filter { kinds[$0] != "context" })
        }
        let described = entities.filter { !$0.isEmpty }.count
        guard described > 1 else { return [] }
        var frequency: [String: Int] = [:]
        for names in entities { for name in names { frequency[name, default: 0] += 1 } }
        // ln((N+1)/df) stays above zero, so a name every item shares still counts a little.
        let weight = frequency.mapValues { log(Double(described + 1) / Double($0)) }

        // Candidates share a specific entity: the pairs come from its posting list, not from all pairs.
        var postings: [String: [Int]] = [:]
        for (index, names) in entities.enumerated() {
            for name in names where !isBroad(name) { postings[name, default: []].append(index) }
        }
        var checked = Set<Int>()
        var pairs: [(Int, Int)] = []
        for name in postings.keys.sorted() {
            let posting = postings[name] ?? []
            for i in posting.indices {
                for j in (i + 1)..<posting.count {
                    let a = posting[i], b = posting[j]
                    guard checked.insert(a * items.count + b).inserted else { continue }
                    if linked(items[a], entities[a], items[b], entities[b], weight: weight) { pairs.append((a, b)) }
                }
            }
        }
        return pairs.sorted { $0 < $1 }
    }

    func isBroad(_ entity: String) -> Bool {
        kinds[entity].map(broadKinds.contains) ?? false
    }

    func linked(_ a: MatchedItem, _ namesA: Set<String>, _ b: MatchedItem, _ namesB: Set<String>,
                weight: [String: Double]) -> Bool {
        guard a.feedName != b.feedName, !Set(a.topics).isDisjoint(with: b.topics) else { return false }
        let shared = namesA.intersection(namesB)
        guard shared.count >= 2, shared.contains(where: { !isBroad($0) }) else { return false }
        let together = namesA.union(namesB)
        // Summed in name order: a Set's order changes between runs, and the digest must not.
        let sharedWeight = shared.sorted().reduce(0.0) { $0 + (weight[$1] ?? 0) }
        let totalWeight = together.sorted().reduce(0.0) { $0 + (weight[$1] ?? 0) }
        return totalWeight > 0 && sharedWeight / totalWeight >= threshold
    }
}
