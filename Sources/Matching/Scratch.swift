/// Temporary buffers for the work of one `match` call: on the stack when
/// small (the usual item), else on the heap. `Matcher` is shared by the poll's
/// workers, so scratch cannot live in it without a lock; this costs nothing
/// per item instead of an allocation.
enum Scratch {
    /// Buffers up to this size go on the stack (a poll worker's stack has room for it).
    static let stackLimit = 4096

    /// Calls `body` with room for `count` uninitialised values of `T`.
    static func with<T, R>(_ type: T.Type, count: Int, _ body: (UnsafeMutableBufferPointer<T>) -> R) -> R {
        if count * MemoryLayout<T>.stride <= stackLimit {
            return withUnsafeTemporaryAllocation(of: T.self, capacity: count, body)
        }
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
        defer { buffer.deallocate() }
        return body(buffer)
    }
}
