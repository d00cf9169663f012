import Foundation
import FeedModel
import Config
import Storage
import Digest

/// Builds one day's digest file from the store: digests/YYYY-MM-DD.md.
public struct DigestRun {
    let configuration: Configuration
    let store: Store

    init(configuration: Configuration, store: Store) {
        self.configuration = configuration
        self.store = store
    }

    /// Opens the configured store (creating it if needed).
    public init(configuration: Configuration) throws(MonitorError) {
        self.init(configuration: configuration, store: try openStore(configuration.settings.databasePath))
    }

    /// Writes the digest of `day` (atomically) and returns its path.
    public func write(day: DigestDay) throws(MonitorError) -> String {
        let settings = configuration.settings
        let path = (settings.digestDirectory as NSString).appendingPathComponent("\(day.label).md")
        do {
            let items = try store.matchedItems(firstSeenFrom: day.start, to: day.end).map(readable)
            let text = DigestRenderer(timeZone: settings.timeZone)
                .markdown(day: day.label, items: items, topicOrder: configuration.topics.map(\.name))
            try AtomicFile.write(Data(text.utf8), to: path)
        } catch {
            throw .storage("digest \(path): \(error)")
        }
        return path
    }

    /// The digest names what an item is about: entities, not the context word lists
    /// (`kind = context`) or bare terms that rules use to qualify them. Those stay in the
    /// store and in `feedwatch match`; an item kept on terms alone still shows them.
    func readable(_ item: MatchedItem) -> MatchedItem {
        let named = item.hits.filter { hit in hit.entity.map { !contextEntities.contains($0) } ?? false }
        guard !named.isEmpty else { return item }
        var shown = item
        shown.hits = named
        return shown
    }

    var contextEntities: Set<String> {
        Set(configuration.entities.filter { $0.kind == "context" }.map(\.name))
    }
}
