internal import CLibXML2

/// libxml2 interns element names and namespace URIs in its dictionary, so a
/// pointer stands for a name: one String is made per pointer, not per element.
///
/// The pointers are kept in a small open-addressing table (one multiply and
/// usually one probe, where a Dictionary hashes with SipHash), held through
/// `let` pointers so that a lookup pays no exclusivity check. A document with
/// more distinct names than the table takes falls back to a Dictionary.
///
/// With each String go its readings as an element name, an attribute name and as a namespace
/// (one pointer may be both: libxml2 has one dictionary for all names), made
/// once per pointer, so that FeedAssembler decides roles on enums.
final class InternedNames {
    struct Entry {
        let string: String
        let element: ElementName
        let namespace: NamespaceKind
        let attribute: AttributeName

        init(_ string: String) {
            self.string = string
            element = ElementName(string)
            namespace = NamespaceKind(string)
            attribute = AttributeName(string)
        }
    }

    private static let empty = Entry("")
    private static let capacity = 512
    private static let maxCount = 384
    private let keys: UnsafeMutablePointer<UnsafeRawPointer?>
    private let values: UnsafeMutablePointer<Entry>
    private let counter: UnsafeMutablePointer<Int>
    private var overflow: [UnsafeRawPointer: Entry] = [:]

    init() {
        keys = .allocate(capacity: Self.capacity)
        keys.initialize(repeating: nil, count: Self.capacity)
        values = .allocate(capacity: Self.capacity)
        counter = .allocate(capacity: 1)
        counter.initialize(to: 0)
    }

    deinit {
        for index in 0..<Self.capacity where keys[index] != nil {
            (values + index).deinitialize(count: 1)
        }
        keys.deallocate()
        values.deallocate()
        counter.deallocate()
    }

    func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        entry(pointer).string
    }

    /// Inlined, so that a caller that reads only an enum of the entry does not
    /// retain and release its String; a name seen for the first time goes out of line.
    @inline(__always)
    func entry(_ pointer: UnsafePointer<xmlChar>?) -> Entry {
        guard let pointer else { return Self.empty }
        let key = UnsafeRawPointer(pointer)
        var index = Int(truncatingIfNeeded: (UInt(bitPattern: Int(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) >> 55)
        while let known = keys[index] {
            if known == key { return values[index] }
            index = (index + 1) & (Self.capacity - 1)
        }
        return insert(pointer, at: index)
    }

    @inline(never)
    private func insert(_ pointer: UnsafePointer<xmlChar>, at index: Int) -> Entry {
        let key = UnsafeRawPointer(pointer)
        if counter.pointee >= Self.maxCount {
            if let known = overflow[key] { return known }
            let entry = Entry(NamespaceKind.canonical(String(cString: pointer)))
            overflow[key] = entry
            return entry
        }
        let entry = Entry(NamespaceKind.canonical(String(cString: pointer)))
        keys[index] = key
        (values + index).initialize(to: entry)
        counter.pointee += 1
        return entry
    }
}
