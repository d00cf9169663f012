import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see the old or the new contents, never half of one:
/// a temporary file in the same folder, flushed, then renamed into place.
public enum AtomicFile {
    /// Creates the folder when missing. An existing file keeps its permissions.
    /// On failure the temporary file is removed and the old contents stay.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw DigestError(message: "write \(path): cannot create folder \(folder): \(error.localizedDescription)")
        }

        // Same folder, so the rename stays on one file system and is atomic; a leading dot
        // keeps half-written files out of `ls` and out of globs like *.md.
        let tempPath = folder + "/." + url.lastPathComponent + ".tmp-" + UUID().uuidString
        let fd = open(tempPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw failure(path, "cannot create \(tempPath)") }

        var error: DigestError?
        var existing = stat()
        if stat(path, &existing) == 0, fchmod(fd, existing.st_mode & 0o7777) != 0 {
            error = failure(path, "cannot copy permissions")
        }
        if error == nil, !writeAll(data, to: fd) {
            error = failure(path, "cannot write \(tempPath)")
        }
        if error == nil, fsync(fd) != 0 {
            error = failure(path, "cannot flush \(tempPath)")
        }
        if close(fd) != 0, error == nil {
            error = failure(path, "cannot close \(tempPath)")
        }
        if error == nil, rename(tempPath, path) != 0 {
            error = failure(path, "cannot rename \(tempPath) into place")
        }
        if let error {
            unlink(tempPath)
            throw error
        }
        syncFolder(folder)
    }

    private static func writeAll(_ data: Data, to fd: Int32) -> Bool {
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> Bool in
            guard var next = buffer.baseAddress else { return true }
            var remaining = buffer.count
            while remaining > 0 {
                #if canImport(Glibc)
                let written = Glibc.write(fd, next, remaining)
                #else
                let written = Darwin.write(fd, next, remaining)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                next += written
                remaining -= written
            }
            return true
        }
    }

    /// Makes the rename itself survive a crash; best effort, as some file systems refuse it.
    private static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        _ = close(fd)
    }

    /// Reads errno, so call it right after the failing call.
    private static func failure(_ path: String, _ what: String) -> DigestError {
        let reason = String(cString: strerror(errno))
        return DigestError(message: "write \(path): \(what): \(reason)")
    }
}
