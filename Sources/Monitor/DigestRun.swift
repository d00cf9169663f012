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
            let items = try store.matchedItems(firstSeenFrom: day.start, to: day.end)
            let text = DigestRenderer(timeZone: settings.timeZone)
                .markdown(day: day.label, items: items, topicOrder: configuration.topics.map(\.name))
            try AtomicFile.write(Data(text.utf8), to: path)
        } catch {
            throw .storage("digest \(path): \(error)")
        }
        return path
    }
}
