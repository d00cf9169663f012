import Foundation
import Synchronization
import Testing
@testable import Monitor

@Suite struct WorkerPoolTests {
    @Test func everyJobRunsBeforeFinishReturns() {
        let pool = WorkerPool(threads: 3, capacity: 4)
        let done = Mutex(Set<Int>())
        for index in 0..<200 {
            pool.submit { done.withLock { _ = $0.insert(index) } }
        }
        pool.finish()
        #expect(done.withLock { $0 } == Set(0..<200))
    }

    @Test func noMoreJobsRunAtOnceThanThereAreThreads() {
        let pool = WorkerPool(threads: 2, capacity: 8)
        let running = Mutex((now: 0, most: 0))
        for _ in 0..<40 {
            pool.submit {
                running.withLock { $0.now += 1; $0.most = max($0.most, $0.now) }
                usleep(2_000)
                running.withLock { $0.now -= 1 }
            }
        }
        pool.finish()
        let most = running.withLock { $0.most }
        #expect(most >= 1 && most <= 2)
    }
}
