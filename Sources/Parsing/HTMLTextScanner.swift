import Foundation

/// Turns an HTML fragment (a feed's title, summary or content, UTF-8) into
/// collapsed plain text in one pass over its bytes.
///
/// design.md suggested libxml2's HTML parser for this, and FeedParser used it
/// (as a SAX push parser) until profiling showed it took half of all parse time:
/// a parser context per fragment, callbacks per tag, a String per tag name. This
/// scanner follows the same rules as that parser did, so the text is the same:
/// - tags are read like libxml2 reads them (name, then attributes whose quoted
///   values may hold `>`), and only their kind matters (HTMLElement.Kind);
/// - block elements become spaces; script and style are raw text up to their
///   end tag and dropped; noscript and template are parsed but their text dropped
///   until an end tag closes them, by libxml2's rules for misplaced end tags
///   ("<h3>a <noscript></h3> b" drops nothing but the empty noscript);
/// - comments, <!DOCTYPE>, other <!...> and <?...?> are skipped; an unterminated
///   comment swallows the rest, as in libxml2;
/// - `<` not followed by a name is text; `</` not followed by a name is dropped;
/// - character references need their semicolon to be named ("&amp" stays text,
///   as in libxml2); every HTML5 name is known (HTMLEntities), not only HTML 4's.
/// Where it differs from libxml2 on purpose (each seen in real feeds or asked by
/// issue 4): numeric references in 0x80...0x9F mean windows-1252 (as in HTML5 and
/// browsers: "&#150;" is an en dash, not a C1 control); a reference that names no
/// valid character ("&#${x}" in a code sample) stays as text instead of
/// vanishing; text after a stray </html> (escaped HTML shown in a post) is kept,
/// where libxml2 ends the document; <![CDATA[...]]> inside the HTML is text;
/// a block end tag without its start tag is still a word break.
struct HTMLTextScanner {
    private let input: UnsafeBufferPointer<UInt8>
    private var i = 0
    private var writer: CollapsingWriter
    /// Open elements, innermost last, as libxml2 would have them: it decides
    /// where a dropped element ends when its end tag is missing or misplaced.
    private var open: OpenElements
    /// How many of `open` are dropped (script, style, noscript, template).
    private var droppedDepth = 0
    private let elements = HTMLElement.table
    /// isNameByte for every byte value, copied into the scanner once per fragment
    /// (a global would cost a once-check per read): one load per byte of a name.
    private let nameBytes = HTMLTextScanner.nameByteTable

    private static let nameByteTable: InlineArray<256, Bool> = {
        var table = InlineArray<256, Bool>(repeating: false)
        for c in 0..<256 { table[c] = isNameByte(UInt8(c)) }
        return table
    }()

    @inline(__always)
    private func isNameByteFromTable(_ c: UInt8) -> Bool {
        nameBytes[Int(c)]
    }

    private init(_ input: UnsafeBufferPointer<UInt8>, writer: CollapsingWriter, open: OpenElements) {
        self.input = input
        self.writer = writer
        self.open = open
    }

    /// The room `text(of:into:elements:wellFormed:)` needs for `html`: a reference
    /// decodes to at most 1.2 times its length (&nGt; is 5 bytes, its text 6; see
    /// bench/generate-html-entities.py); all else shrinks or stays.
    static func capacity(for html: UnsafeBufferPointer<UInt8>) -> Int {
        html.count + html.count / 4 + 8
    }

    /// The collapsed text of `html`, written in `buffer` (at least
    /// `capacity(for: html)` bytes) with `elements` as the stack of open elements
    /// (handed back empty, perhaps grown). `wellFormed`: see CollapsingWriter.string(wellFormed:).
    static func text(of html: UnsafeBufferPointer<UInt8>, into buffer: UnsafeMutableBufferPointer<UInt8>,
                     elements: inout OpenElements, wellFormed: Bool) -> String {
        var scanner = HTMLTextScanner(html, writer: CollapsingWriter(into: buffer), open: elements)
        scanner.run()
        elements = scanner.open
        elements.removeAll(from: 0)
        return scanner.writer.string(wellFormed: wellFormed)
    }

    private mutating func run() {
        let end = input.count
        while i < end {
            if droppedDepth == 0 {
                // A tag right after a tag ("<p><strong>") needs no text run.
                if input[i] != 0x3C { i = writer.append(input, from: i, stopAtMarkup: true) }
            } else {
                i = index(of: 0x3C, from: i) ?? end
            }
            guard i < end else { break }
            if input[i] == 0x26 {
                reference()
                continue
            }
            // Tags straight from here: markup() sets up a large frame for the rare
            // comments and declarations, which a tag should not pay for.
            let next = byte(at: i + 1)
            if Self.isNameStart(next) {
                startTag()
            } else if next == 0x2F && closeInnermost() {
                continue
            } else if next == 0x2F && Self.isNameStart(byte(at: i + 2)) {
                endTag()
            } else {
                markup()
            }
        }
    }

    // MARK: character references

    /// At `&`: a reference is decoded; anything else leaves the `&` as text.
    private mutating func reference() {
        if byte(at: i + 1) == 0x23 {
            if let (scalar, next) = Self.numericReference(in: input, at: i) {
                writer.append(scalar: scalar)
                i = next
                return
            }
        } else if namedReference() {
            return
        }
        writer.append(0x26)
        i += 1
    }

    /// `&#123;` or `&#x7B;` at `i`; the semicolon may be missing, as libxml2 allows.
    /// (Static: a method would be handed a copy of the scanner.)
    private static func numericReference(in input: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int)? {
        func byte(at index: Int) -> UInt8 { index < input.count ? input[index] : 0 }
        var j = i + 2
        let hex = byte(at: j) | 0x20 == 0x78
        if hex { j += 1 }
        let digitsStart = j
        var value: UInt32 = 0
        while j < input.count, let digit = Self.digit(input[j], hex: hex) {
            if value < 0x110000 { value = value * (hex ? 16 : 10) + digit }
            j += 1
        }
        guard j > digitsStart else { return nil }
        if byte(at: j) == 0x3B { j += 1 }
        guard let scalar = Self.referencedScalar(value) else { return nil }
        return (scalar, j)
    }

    /// `&name;` for a name in HTMLEntities: its value written and true, else false.
    private mutating func namedReference() -> Bool {
        var j = i + 1
        let limit = min(input.count, i + 1 + HTMLEntities.longestName)
        while j < limit, Self.isASCIIAlphanumeric(input[j]) { j += 1 }
        guard j > i + 1, byte(at: j) == 0x3B else { return false }
        if j - i <= HTMLEntities.packedLength, let value = HTMLEntities.packed.value(of: packedName(from: i + 1, through: j)) {
            if value.isSpace {
                writer.space()
            } else {
                writer.append(utf8: value.utf8, count: value.count)
            }
            i = j + 1
            return true
        }
        let name = String(decoding: UnsafeBufferPointer(rebasing: input[(i + 1)...j]), as: UTF8.self)
        guard let value = HTMLEntities.table[name] else { return false }
        writer.append(value)
        i = j + 1
        return true
    }

    /// HTMLEntities.packed(_:) of the name `input[start...end]` (at most eight bytes):
    /// one load and a mask when eight bytes can be read from `start`.
    @inline(__always)
    private func packedName(from start: Int, through end: Int) -> UInt64 {
        guard start + 8 <= input.count, let base = input.baseAddress else {
            return HTMLEntities.packed(UnsafeBufferPointer(rebasing: input[start...end]))
        }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        let length = end &- start &+ 1
        return length == 8 ? word : word & ((1 &<< UInt64(truncatingIfNeeded: length &* 8)) &- 1)
    }

    /// The character a numeric reference stands for, nil when it names none
    /// that XML text may hold (NUL, most C0 controls, surrogates, beyond U+10FFFF).
    static func referencedScalar(_ value: UInt32) -> Unicode.Scalar? {
        if value >= 0x80 && value <= 0x9F, let mapped = windows1252[Int(value - 0x80)] {
            return Unicode.Scalar(mapped)
        }
        switch value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF:
            return Unicode.Scalar(value)
        default:
            return nil
        }
    }

    /// HTML5's reading of 0x80...0x9F in numeric references; nil keeps the code point.
    private static let windows1252: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    // MARK: markup

    /// At a `<` that starts no tag (run() reads tags itself): a comment, a
    /// declaration or processing instruction, `</` without a name, or a bare `<`.
    @inline(never)
    private mutating func markup() {
        let next = byte(at: i + 1)
        if next == 0x21 {  // <!
            if starts(with: "<!--") {
                comment()
            } else if starts(with: "<![CDATA[") {
                cdata()
            } else {
                // <!DOCTYPE ...> and bogus <!...> alike end at the next '>'.
                skip(past: 0x3E, from: i + 2)
            }
        } else if next == 0x3F {  // <?
            skip(past: 0x3E, from: i + 2)
        } else if next == 0x2F {  // </ without a name: dropped
            i += 2
        } else {
            if droppedDepth == 0 { writer.append(0x3C) }
            i += 1
        }
    }

    @inline(__always)
    private mutating func startTag() {
        let nameStart = i + 1
        var j = nameStart
        while j < input.count, isNameByteFromTable(input[j]) { j += 1 }
        let nameEnd = j
        // Attributes, read as libxml2 reads them: a quoted value is one token
        // even when it holds '>', a bogus attribute runs to the next blank.
        skipBlanks(&j)
        while j < input.count, input[j] != 0x3E, !(input[j] == 0x2F && byte(at: j + 1) == 0x3E) {
            if Self.isNameStart(input[j]) {
                while j < input.count, isNameByteFromTable(input[j]) { j += 1 }
                skipBlanks(&j)
                if byte(at: j) == 0x3D {
                    j += 1
                    skipBlanks(&j)
                    let quote = byte(at: j)
                    if quote == 0x22 || quote == 0x27 {
                        j = (index(of: quote, from: j + 1) ?? input.count - 1) + 1
                    } else {
                        while j < input.count, !Self.isBlank(input[j]), input[j] != 0x3E { j += 1 }
                    }
                }
            } else {
                while j < input.count, !Self.isBlank(input[j]), input[j] != 0x3E,
                      !(input[j] == 0x2F && byte(at: j + 1) == 0x3E) { j += 1 }
            }
            skipBlanks(&j)
        }
        let selfClosing = byte(at: j) == 0x2F
        i = min(input.count, j + (selfClosing ? 2 : 1))

        let name = HTMLElement.Name(input, from: nameStart, to: nameEnd)
        let info = elements.info(of: name)
        if info.kind == .block { writer.space() }
        // html, head and body are implied around any fragment: libxml2 never opens them twice.
        guard !selfClosing, !info.isVoid, info.endPriority < 200 else { return }
        open.append(OpenElements.Element(name: name, info: info))
        switch info.kind {
        case .inline, .block:
            break
        case .dropped:
            droppedDepth += 1
        case .droppedRawText:
            droppedDepth += 1
            // Raw text: nothing inside is markup until "</name" (any case), which
            // the main loop then reads as the end tag.
            i = rawTextEnd(for: UnsafeBufferPointer(rebasing: input[nameStart..<nameEnd]), from: i)
        }
    }

    /// At `</`: nearly every end tag is "</name>" for the innermost element, read by
    /// one word compared in the main loop (no call, no name loop, no table probe).
    /// False, and nothing done, for any other end tag. (The dispatch's test that a
    /// name starts after `</` is not needed first: the key starts with a name start.)
    @inline(__always)
    private mutating func closeInnermost() -> Bool {
        guard let last = open.last, Self.isEndTag(of: last.name, in: input, at: i &+ 2) else { return false }
        i &+= last.name.length &+ 3
        if last.info.kind == .block { writer.space() }
        if last.info.kind == .dropped || last.info.kind == .droppedRawText { droppedDepth -= 1 }
        open.removeAll(from: open.count - 1)
        return true
    }

    @inline(__always)
    private mutating func endTag() {
        let nameStart = i + 2
        var j = nameStart
        while j < input.count, isNameByteFromTable(input[j]) { j += 1 }
        let name = HTMLElement.Name(input, from: nameStart, to: j)
        // Nearly every end tag is "</name>": its '>' needs no memchr.
        if byte(at: j) == 0x3E { i = j + 1 } else { skip(past: 0x3E, from: j) }
        // Nearly every end tag closes the innermost element, whose info is at hand
        // (never body or html: those are not opened, see startTag).
        if let last = open.last, last.name == name {
            if last.info.kind == .block { writer.space() }
            if last.info.kind == .dropped || last.info.kind == .droppedRawText { droppedDepth -= 1 }
            open.removeAll(from: open.count - 1)
            return
        }
        let info = elements.info(of: name)
        if info.kind == .block { writer.space() }
        close(name, priority: info.endPriority)
    }

    /// Whether `input[start...]` is `name` (any letter case) followed by `>`, read
    /// as one word when the name is shorter than 8 bytes and 8 bytes can be read.
    /// Then the name loop of endTag would read the same name and stop at the same
    /// `>`: the key's bytes are name bytes, so are their upper-case letters, and
    /// `>` is not one. A byte b matches a lower-case letter l of the key exactly
    /// when b | 0x20 == l (b is l or its upper case); any other key byte, and the
    /// `>`, only when equal. (False for longer names and in the last 7 bytes of a
    /// fragment: endTag reads those its own way.)
    /// (Static, and internal for the tests that compare it with the name loop.)
    @inline(__always)
    static func isEndTag(of name: HTMLElement.Name, in input: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        let length = name.length
        guard length < 8, start &+ 8 <= input.count, let base = input.baseAddress else { return false }
        let word = UInt64(littleEndian: UnsafeRawPointer(base + start).loadUnaligned(as: UInt64.self))
        // 0x20 on each lower-case letter of the key (its bytes are below 0x80, so
        // nothing carries from byte to byte; its bytes past `length` are 0).
        let ones: UInt64 = 0x0101_0101_0101_0101
        let letters = ((name.key &+ ones &* 0x1F) & ~(name.key &+ ones &* 0x05) & (ones &* 0x80)) >> 2
        let shift = UInt64(truncatingIfNeeded: length &* 8)
        let expected = name.key | (0x3E &<< shift)
        // The name and its '>' are length + 1 <= 8 bytes.
        let used = length == 7 ? ~0 : (1 &<< (shift &+ 8)) &- 1
        return (word | letters) & used == expected
    }

    /// An end tag closes its element and every element opened after it, unless
    /// one of those has a higher end priority (then, like an end tag without an
    /// open element, it is ignored). </body> and </html> close everything.
    /// "body" and "html" as Names (bytes little-endian), without a lazy global.
    private static var body: HTMLElement.Name { HTMLElement.Name(key: 0x7964_6F62, length: 4) }
    private static var html: HTMLElement.Name { HTMLElement.Name(key: 0x6C6D_7468, length: 4) }

    @inline(__always)
    private mutating func close(_ name: HTMLElement.Name, priority: Int) {
        if name == Self.body || name == Self.html {
            open.removeAll(from: 0)
            droppedDepth = 0
            return
        }
        // Most end tags close the innermost element: nothing to search, no subrange to remove.
        if let last = open.last, last.name == name {
            if last.info.kind == .dropped || last.info.kind == .droppedRawText { droppedDepth -= 1 }
            open.removeAll(from: open.count - 1)
            return
        }
        var match = open.count - 1
        while match >= 0, open[match].name != name {
            if open[match].info.endPriority > priority { return }
            match -= 1
        }
        guard match >= 0 else { return }
        for index in match..<open.count where open[index].info.kind == .dropped || open[index].info.kind == .droppedRawText {
            droppedDepth -= 1
        }
        open.removeAll(from: match)
    }

    /// `<!-- ... -->`; also the abrupt `<!-->` and `<!--->`, and `--!>`. Unterminated,
    /// it runs to the end, as in libxml2.
    private mutating func comment() {
        let bodyStart = i + 4
        if byte(at: bodyStart) == 0x3E {
            i = bodyStart + 1
            return
        }
        if byte(at: bodyStart) == 0x2D && byte(at: bodyStart + 1) == 0x3E {
            i = bodyStart + 2
            return
        }
        var j = bodyStart
        while let dash = index(of: 0x2D, from: j) {
            if byte(at: dash + 1) == 0x2D {
                if byte(at: dash + 2) == 0x3E { i = dash + 3; return }
                if byte(at: dash + 2) == 0x21 && byte(at: dash + 3) == 0x3E { i = dash + 4; return }
            }
            j = dash + 1
        }
        i = input.count
    }

    /// `<![CDATA[ ... ]]>`: its content is text, markup characters included.
    private mutating func cdata() {
        let start = i + 9
        var end = input.count
        var j = start
        while let bracket = index(of: 0x5D, from: j) {
            if byte(at: bracket + 1) == 0x5D && byte(at: bracket + 2) == 0x3E { end = bracket; break }
            j = bracket + 1
        }
        if droppedDepth == 0 {
            let content = UnsafeBufferPointer(rebasing: input[start..<end])
            _ = writer.append(content, from: 0, stopAtMarkup: false)
        }
        i = min(input.count, end + 3)
    }

    /// Where "</name" starts again after `start` (letter case ignored), else the end.
    private func rawTextEnd(for name: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var j = start
        while let open = index(of: 0x3C, from: j) {
            if byte(at: open + 1) == 0x2F, open + 2 + name.count <= input.count {
                var matches = true
                for k in 0..<name.count where HTMLElement.lowercased(input[open + 2 + k]) != HTMLElement.lowercased(name[k]) {
                    matches = false
                    break
                }
                if matches { return open }
            }
            j = open + 1
        }
        return input.count
    }

    // MARK: bytes

    @inline(__always)
    private func byte(at index: Int) -> UInt8 {
        index < input.count ? input[index] : 0
    }

    private func index(of byte: UInt8, from start: Int) -> Int? {
        guard start < input.count, let base = input.baseAddress else { return nil }
        guard let found = memchr(base + start, Int32(byte), input.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    private mutating func skip(past byte: UInt8, from start: Int) {
        i = index(of: byte, from: start).map { $0 + 1 } ?? input.count
    }

    private func starts(with prefix: StaticString) -> Bool {
        guard i + prefix.utf8CodeUnitCount <= input.count else { return false }
        for k in 0..<prefix.utf8CodeUnitCount where input[i + k] != prefix.utf8Start[k] { return false }
        return true
    }

    private func skipBlanks(_ j: inout Int) {
        while j < input.count, Self.isBlank(input[j]) { j += 1 }
    }

    private static func isBlank(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D
    }

    /// libxml2's first character of an HTML name: an ASCII letter, `_`, `:` or `.`.
    /// (Bit sets over 0...127, one bit per byte: names are read byte by byte.)
    @inline(__always)
    private static func isNameStart(_ c: UInt8) -> Bool {
        isASCIILetter(c) || inSet(c, low: 0x0400_4000_0000_0000, high: 0x07FF_FFFE_87FF_FFFE)
    }

    /// A name's other characters: those of isNameStart, digits and `-`.
    @inline(__always)
    static func isNameByte(_ c: UInt8) -> Bool {
        isASCIILetter(c) || inSet(c, low: 0x07FF_6000_0000_0000, high: 0x07FF_FFFE_87FF_FFFE)
    }

    /// Most name bytes are letters: one subtraction and one comparison
    /// before the bit sets (the sets were a third of the time of a start tag).
    @inline(__always)
    private static func isASCIILetter(_ c: UInt8) -> Bool {
        (c | 0x20) &- 0x61 < 26
    }

    @inline(__always)
    private static func inSet(_ c: UInt8, low: UInt64, high: UInt64) -> Bool {
        c < 64 ? (low >> UInt64(c)) & 1 != 0 : c < 128 && (high >> UInt64(c & 63)) & 1 != 0
    }

    private static func isASCIIAlphanumeric(_ c: UInt8) -> Bool {
        (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A || (c >= 0x30 && c <= 0x39)
    }

    private static func digit(_ c: UInt8, hex: Bool) -> UInt32? {
        if c >= 0x30 && c <= 0x39 { return UInt32(c - 0x30) }
        if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { return UInt32((c | 0x20) - 0x61 + 10) }
        return nil
    }
}
