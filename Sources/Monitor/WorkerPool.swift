import Foundation
import Synchronization

/// A fixed number of threads running jobs from a bounded queue.
///
/// The poll's fetch loop hands each finished transfer here. The queue lets a few
/// bodies wait while every worker is busy, so a burst of completions does not
/// stall the network; when it is full, `submit` blocks, which pauses the fetch
/// loop and keeps memory flat however many feeds there are.
final class WorkerPool: Sendable {
    typealias Job = @Sendable () -> Void

    /// Jobs waiting, oldest first; nil tells one worker to stop.
    private let queue = Mutex<[Job?]>([])
    private let waiting = DispatchSemaphore(value: 0)
    private let space: DispatchSemaphore
    private let stopped = DispatchGroup()
    private let threads: Int
    /// How much lower than the calling thread's the workers' scheduling priority is.
    static let niceness: Int32 = 5

    init(threads: Int, capacity: Int) {
        self.threads = max(1, threads)
        space = DispatchSemaphore(value: max(1, capacity))
        for index in 0..<self.threads {
            stopped.enter()
            let thread = Thread { [self] in
                // Workers yield to the fetch loop: a transfer left waiting for its
                // thread wastes the network, a body left waiting only delays itself.
                // (On Linux the nice value is per thread, and 0 names the calling one.)
                _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, Self.niceness)
                while let job = self.next() { job() }
                self.stopped.leave()
            }
            thread.name = "feedwatch.worker.\(index)"
            thread.start()
        }
    }

    /// Queues `job`, waiting while the queue is full.
    func submit(_ job: @escaping Job) {
        space.wait()
        queue.withLock { $0.append(job) }
        waiting.signal()
    }

    /// Lets the queued jobs finish, then stops the threads. Call once.
    func finish() {
        queue.withLock { $0.append(contentsOf: [Job?](repeating: nil, count: threads)) }
        for _ in 0..<threads { waiting.signal() }
        stopped.wait()
    }

    private func next() -> Job? {
        waiting.wait()
        let job = queue.withLock { $0.removeFirst() }
        if job != nil { space.signal() }
        return job
    }
}
