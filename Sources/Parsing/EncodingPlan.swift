import Foundation

/// How the parser should decode a document's bytes, decided before libxml2 sees them.
struct EncodingPlan: Equatable {
    /// Encoding to switch libxml2 to; nil lets libxml2 follow the BOM and declaration.
    var encoding: String?
    /// Whether libxml2 must ignore the declaration (we chose for it).
    var ignoreDeclaredEncoding = false
    var warning: String?

    /// A BOM wins; then valid UTF-8 with non-ASCII bytes (a legacy label on
    /// UTF-8 bytes is the commonest mojibake trap); then feeds.conf's
    /// encoding=, the HTTP charset and the declaration, in that order.
    /// `isComplete` is false when `data` is only the head of a stream: it may end inside a character.
    static func decide(for data: Data, options: ParseOptions, isComplete: Bool = true) -> EncodingPlan {
        if hasBOM(data) {
            // libxml2 would switch to a declared legacy encoding after a UTF-8 BOM.
            let declared = declaredEncoding(data)
            let legacy = declared.map { !$0.uppercased().hasPrefix("UTF") } ?? false
            return EncodingPlan(ignoreDeclaredEncoding: legacy,
                                warning: legacy ? "encoding declared as \(declared!) but the document starts with a byte order mark; read by the mark" : nil)
        }
        let declared = declaredEncoding(data)
        let chosen = options.encodingOverride ?? options.httpCharset ?? declared
        guard let chosen, !chosen.isEmpty else { return EncodingPlan() }
        let name = chosen.uppercased()
        let declaredName = declared?.uppercased()
        let isUTF8Label = name == "UTF-8" || name == "UTF8"
        if isUTF8Label {
            // A declaration like "UTF-16" on UTF-8 bytes must not win over the label we trust.
            let needsIgnore = declaredName != nil && declaredName != "UTF-8" && declaredName != "UTF8"
            return EncodingPlan(ignoreDeclaredEncoding: needsIgnore,
                                warning: needsIgnore ? "encoding declared as \(declared!) but read as UTF-8" : nil)
        }
        let source = options.encodingOverride != nil ? "feeds.conf encoding" : (options.httpCharset != nil ? "HTTP charset" : "declared encoding")
        if hasNonASCII(data), isComplete ? isValidUTF8(data) : isValidUTF8Head(data) {
            return EncodingPlan(ignoreDeclaredEncoding: true,
                                warning: "\(source) \(chosen) ignored: the bytes are valid UTF-8")
        }
        if name.hasPrefix("UTF-16") || name.hasPrefix("UTF-32") || name.hasPrefix("UCS") {
            return EncodingPlan()
        }
        if declaredName == name { return EncodingPlan() }
        return EncodingPlan(encoding: chosen, ignoreDeclaredEncoding: true)
    }

    static func hasBOM(_ data: Data) -> Bool {
        let b = data.prefix(4)
        return b.starts(with: [0xEF, 0xBB, 0xBF]) || b.starts(with: [0xFE, 0xFF]) || b.starts(with: [0xFF, 0xFE])
    }

    /// The encoding="..." of the XML declaration, if the document starts with one
    /// (after a UTF-8 byte order mark) within its first 256 bytes. Read as bytes:
    /// every marker is ASCII (the String and Foundation searches this replaced
    /// cost more than the rest of deciding).
    static func declaredEncoding(_ data: Data) -> String? {
        data.prefix(256).withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            var head = raw.bindMemory(to: UInt8.self)[...]
            if head.starts(with: [0xEF, 0xBB, 0xBF]) { head = head.dropFirst(3) }
            guard head.starts(with: "<?xml".utf8), let end = firstIndex(of: "?>", in: head) else { return nil }
            let declaration = head[..<end]
            guard let key = firstIndex(of: "encoding", in: declaration) else { return nil }
            var rest = declaration[(key + 8)...].drop { $0 == 0x20 || $0 == 0x3D || $0 == 0x09 }
            guard let quote = rest.first, quote == 0x22 || quote == 0x27 else { return nil }
            rest = rest.dropFirst()
            let value = rest.prefix { $0 != quote }
            return value.isEmpty ? nil : String(decoding: value, as: UTF8.self)
        }
    }

    /// Where `needle` (ASCII) first occurs in `bytes`.
    private static func firstIndex(of needle: StaticString, in bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        let pattern = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard bytes.count >= pattern.count else { return nil }
        return (bytes.startIndex...(bytes.endIndex - pattern.count)).first { start in
            bytes[start..<(start + pattern.count)].elementsEqual(pattern)
        }
    }

    static func hasNonASCII(_ data: Data) -> Bool {
        data.contains { $0 >= 0x80 }
    }

    /// Valid UTF-8 but for a character cut at the end (at most three bytes).
    static func isValidUTF8Head(_ data: Data) -> Bool {
        (0...min(3, data.count)).contains { isValidUTF8(data.dropLast($0)) }
    }

    static func isValidUTF8(_ data: Data) -> Bool {
        data.withUnsafeBytes { raw in
            String(validating: raw.bindMemory(to: UInt8.self), as: UTF8.self) != nil
        }
    }
}
