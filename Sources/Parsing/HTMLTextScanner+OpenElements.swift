extension HTMLTextScanner {
    /// The open elements, innermost last. Every tag pushes or pops one, so they
    /// live in raw memory (freed by `deallocate()`; PlainTextMaker keeps one
    /// stack for all the fields of a document) instead of an Array: no
    /// uniqueness check per push and pop. An element is plain bits, so nothing
    /// needs deinitialising.
    struct OpenElements {
        struct Element {
            var name: HTMLElement.Name
            var info: HTMLElement.Info
        }

        private var base: UnsafeMutablePointer<Element>
        private var capacity: Int
        private(set) var count = 0

        init() {
            capacity = 32
            base = .allocate(capacity: capacity)
        }

        func deallocate() { base.deallocate() }

        var last: Element? { count > 0 ? base[count - 1] : nil }

        subscript(index: Int) -> Element { base[index] }

        @inline(__always)
        mutating func append(_ element: Element) {
            if count == capacity { grow() }
            (base + count).initialize(to: element)
            count += 1
        }

        /// Forgets the element at `index` and every one opened after it.
        mutating func removeAll(from index: Int) {
            count = Swift.min(count, index)
        }

        @inline(never)
        private mutating func grow() {
            let bigger = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
            bigger.moveInitialize(from: base, count: count)
            base.deallocate()
            base = bigger
            capacity *= 2
        }
    }
}
