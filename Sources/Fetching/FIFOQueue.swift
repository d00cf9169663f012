/// A first-in first-out queue with O(1) amortised push and pop: an array
/// read from a moving head, compacted once the consumed prefix dominates.
struct FIFOQueue<Element> {
    private var storage: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == storage.count }
    var count: Int { storage.count - head }
    var first: Element? { isEmpty ? nil : storage[head] }

    mutating func push(_ element: Element) {
        storage.append(element)
    }

    mutating func pop() -> Element? {
        guard head < storage.count else { return nil }
        let element = storage[head]
        head += 1
        if head == storage.count {
            storage.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64, head * 2 >= storage.count {
            storage.removeFirst(head)
            head = 0
        }
        return element
    }

    /// Every element still queued, in order; the queue is left empty.
    mutating func drain() -> [Element] {
        let rest = Array(storage[head...])
        storage.removeAll()
        head = 0
        return rest
    }
}
