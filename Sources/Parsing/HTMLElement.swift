/// What an HTML element's name means for turning markup into text, decided on
/// bytes: HTMLTextScanner asks for every tag, so no String is made for a name.
enum HTMLElement {
    enum Kind: Equatable {
        /// Text flows through (b, a, span, unknown names).
        case inline
        /// Ends a line of text: its boundaries become spaces, so that
        /// "<p>a</p><p>b</p>" reads "a b", not "ab".
        case block
        /// Its text is never prose (noscript, template): dropped, markup inside still parsed.
        case dropped
        /// Dropped, and its content is raw text up to the matching end tag (script, style).
        case droppedRawText
    }

    /// A name as the scanner compares it: its first 8 bytes, ASCII-lowercased and
    /// packed little-endian, and its length. Names longer than 8 bytes that share
    /// those 8 bytes compare equal; no element the scanner cares for is among them.
    struct Name: Equatable {
        var key: UInt64
        var length: Int

        init<Bytes: Collection<UInt8>>(_ bytes: Bytes) {
            var key: UInt64 = 0
            var shift: UInt64 = 0
            for byte in bytes.prefix(8) {
                key |= UInt64(HTMLElement.lowercased(byte)) << shift
                shift += 8
            }
            self.key = key
            self.length = bytes.count
        }

        /// The scanner's case: a name inside the fragment, read without a generic prefix.
        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            var key: UInt64 = 0
            for k in 0..<Swift.min(8, bytes.count) {
                key |= UInt64(HTMLElement.lowercased(bytes[k])) << UInt64(8 * k)
            }
            self.key = key
            self.length = bytes.count
        }

        /// The scanner's case when eight bytes can be loaded from `start`: the
        /// name `bytes[start..<end]` (name bytes only, so ASCII) lowercased in
        /// one word. A byte b is upper case when b + 0x3F carries into the high
        /// bit and b + 0x25 does not; no byte carries into the next (b < 0x80).
        @inline(__always)
        init(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
            guard start + 8 <= bytes.count else {
                self.init(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                return
            }
            let ones: UInt64 = 0x0101_0101_0101_0101
            var word = UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + start).loadUnaligned(as: UInt64.self))
            // Wrapping arithmetic and a masked shift: 1 <= length < 8 here, so nothing overflows.
            let length = end &- start
            if length < 8 { word &= (1 &<< UInt64(truncatingIfNeeded: length &* 8)) &- 1 }
            let upper = (word &+ ones &* 0x3F) & ~(word &+ ones &* 0x25) & (ones &* 0x80)
            self.init(key: word | (upper >> 2), length: length)
        }

        init(key: UInt64, length: Int) {
            self.key = key
            self.length = length
        }
    }

    struct Info {
        var kind = Kind.inline
        /// Has no content and no end tag (libxml2's "empty" elements).
        var isVoid = false
        /// libxml2's rule for a misplaced end tag: it closes the open elements
        /// above its own only when none of them has a higher priority.
        var endPriority = 100
    }

    static let blockNames = [
        "address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul", "caption", "img", "iframe", "video", "audio",
    ]
    static let voidNames = [
        "area", "base", "basefont", "br", "col", "embed", "frame", "hr", "img", "input", "isindex",
        "link", "meta", "param",
    ]
    /// libxml2 2.9's htmlEndPriority; every other element has 100.
    static let endPriorities = [
        "div": 150, "td": 160, "th": 160, "tr": 170, "thead": 180, "tbody": 180, "tfoot": 180,
        "table": 190, "head": 200, "body": 200, "html": 220,
    ]

    /// Known names in an open-addressing hash table of 256 slots (about 60
    /// used): one multiply and usually one probe per tag, no String, no Hasher.
    /// Free slots hold a name of length -1, so that a probe reads no Optional.
    fileprivate struct Slot {
        var name: Name
        var info: Info
    }

    /// The table as HTMLTextScanner keeps it for a whole fragment: reading a
    /// global costs a once-check per access, which a tag should not pay.
    struct Table {
        fileprivate let slots: [Slot]

        @inline(__always)
        func info(of name: Name) -> Info {
            slots.withUnsafeBufferPointer { slots in
                var index = HTMLElement.slot(of: name)
                while true {
                    let entry = slots[index]
                    if entry.name == name { return entry.info }
                    if entry.name.length < 0 { return Info() }
                    index = (index + 1) & 255
                }
            }
        }
    }

    static var table: Table { Table(slots: slots) }

    private static let slots: [Slot] = {
        var infos: [String: Info] = [:]
        for name in blockNames { infos[name, default: Info()].kind = .block }
        for name in ["noscript", "template"] { infos[name, default: Info()].kind = .dropped }
        for name in ["script", "style"] { infos[name, default: Info()].kind = .droppedRawText }
        for name in voidNames { infos[name, default: Info()].isVoid = true }
        for (name, priority) in endPriorities { infos[name, default: Info()].endPriority = priority }
        var slots = Array(repeating: Slot(name: Name(key: 0, length: -1), info: Info()), count: 256)
        for (string, info) in infos {
            let name = Name(Array(string.utf8))
            var index = slot(of: name)
            while slots[index].name.length >= 0 { index = (index + 1) & 255 }
            slots[index] = Slot(name: name, info: info)
        }
        return slots
    }()

    @inline(__always)
    private static func slot(of name: Name) -> Int {
        Int(truncatingIfNeeded: ((name.key ^ UInt64(truncatingIfNeeded: name.length)) &* 0x9E37_79B9_7F4A_7C15) >> 56)
    }

    static func info(of name: Name) -> Info {
        table.info(of: name)
    }

    /// The kind of an element named by `name`, in any letter case.
    static func kind<Bytes: Collection<UInt8>>(of name: Bytes) -> Kind {
        info(of: Name(name)).kind
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }
}
