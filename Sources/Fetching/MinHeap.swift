/// A binary min-heap: O(log n) push and pop of the smallest element.
struct MinHeap<Element: Comparable> {
    private var elements: [Element] = []

    var isEmpty: Bool { elements.isEmpty }
    var min: Element? { elements.first }

    mutating func push(_ element: Element) {
        elements.append(element)
        var child = elements.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard elements[child] < elements[parent] else { break }
            elements.swapAt(child, parent)
            child = parent
        }
    }

    mutating func popMin() -> Element? {
        guard !elements.isEmpty else { return nil }
        elements.swapAt(0, elements.count - 1)
        let smallest = elements.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallestIndex = parent
            if left < elements.count, elements[left] < elements[smallestIndex] { smallestIndex = left }
            if right < elements.count, elements[right] < elements[smallestIndex] { smallestIndex = right }
            guard smallestIndex != parent else { break }
            elements.swapAt(parent, smallestIndex)
            parent = smallestIndex
        }
        return smallest
    }

    mutating func removeAll() {
        elements.removeAll()
    }
}
