import Foundation
import FeedModel

/// Turns SAX2 events into a ParsedFeed. Knows the formats; knows nothing of libxml2.
struct FeedAssembler {
    enum Outcome: Equatable {
        case noRoot
        case feed
        case html
        case unknownRoot(String)
    }

    /// What an open element is to the assembler.
    enum Role {
        case root, channel, item, author, group
        /// An element whose text is kept (title, link, description ...).
        case field
        /// Markup inside a field (Atom xhtml, raw HTML in an RSS description).
        case inner
        case skippedInner
        case ignored
    }

    struct Frame {
        var name: String
        /// The namespace URI and `name` as FeedAssembler tells them apart.
        var uriKind: NamespaceKind
        var nameKind: ElementName
        var role: Role
        var textStart: Int
        var base: URL?
        /// nil when the element has none of the attributes FeedAttributes keeps.
        var attributes: FeedAttributes?
        /// Whether text is written escaped, as HTML: inside markup that is kept
        /// as HTML (see FieldMarkup), so the field can be read as HTML later.
        var escapesText = false
        /// A field that received child elements: its value is HTML, whatever it declared.
        var hasChildMarkup = false
        /// Whether the field's text was cut at ParseLimits.maxFieldBytes.
        var isTruncated = false
    }

    struct Attribute {
        var uri: String
        var name: String
        var value: String
    }

    let options: ParseOptions
    let documentBase: URL?
    private(set) var outcome = Outcome.noRoot
    private(set) var format = FeedFormat.rss20
    var feed = ParsedFeed(format: .rss20)
    var warnings: [String] = []
    private var stack: [Frame] = []
    private var text = TextBuffer()
    /// Makes the plain text of every field; told when libxml2 reports an error
    /// (until then the text is known to be well-formed UTF-8).
    private let plainText = PlainTextMaker()
    private var item: ItemDraft?
    private var authorName: String?
    private var authorEmail: String?
    private var feedLinkScore = -1
    private var feedDateRank = Int.max
    private var itemPublishedRank = Int.max
    private var rawItems: [ItemDraft] = []
    private let future: FutureDate
    private let maxFieldBytes: Int
    private let maxDepth: Int
    /// Elements open beyond maxDepth, counted instead of stacked.
    private var overflowDepth = 0

    init(options: ParseOptions) {
        self.options = options
        self.documentBase = options.baseURL.flatMap { URL(string: $0) }
        self.future = FutureDate(options: options)
        self.maxFieldBytes = options.limits.maxFieldBytes
        self.maxDepth = options.limits.maxDepth
        plainText.inputIsWellFormed = true
    }

    /// libxml2 reported an error: from here on it may hand over bytes that are
    /// not UTF-8 (as it found them), so every text is checked again.
    mutating func libxml2ReportedError() {
        plainText.inputIsWellFormed = false
    }

    /// Whether the open element's text is kept: only fields and the markup
    /// inside them collect text (kept as a flag: it is asked for every text run).
    private(set) var isCollectingText = false
    /// Whether the open element's text is escaped as it is collected (markup kept as HTML).
    private var isEscapingText = false
    /// The innermost open field, whose text the markup below it belongs to.
    private var fieldIndex: Int?

    // MARK: events

    /// Returns false when the document is not a feed and parsing should stop.
    /// `attributes` is called only for elements whose attributes matter (most are skipped),
    /// `markupAttributes` only for markup inside a field whose attributes FieldMarkup keeps.
    /// `uri` is read for the root element only (the others go by `uriKind`).
    mutating func startElement(uri: @autoclosure () -> String, uriKind: NamespaceKind, name: String, nameKind: ElementName,
                               declaredNamespaces: [String], attributes: () -> FeedAttributes?,
                               markupAttributes: () -> [Attribute]) -> Bool {
        if stack.count >= maxDepth {
            // Deeper elements are not tracked (their text still counts): no
            // document can make the stack grow without bound.
            if overflowDepth == 0 { warn(line: 0, column: 0, "elements nested deeper than \(maxDepth); their structure is ignored") }
            overflowDepth += 1
            return true
        }
        guard let parent = stack.indices.last else {
            let (attrs, base) = Self.read(attributes(), base: documentBase)
            return startRoot(uri: uri(), name: name, attrs: attrs, base: base, declaredNamespaces: declaredNamespaces)
        }
        let parentRole = stack[parent].role
        let role: Role
        switch parentRole {
        case .field, .inner:
            let kind = HTMLElement.kind(of: name.utf8)
            role = kind == .dropped || kind == .droppedRawText ? .skippedInner : .inner
        case .skippedInner, .ignored:
            role = parentRole
        case .root, .channel, .item, .author, .group:
            role = childRole(of: parentRole, uri: uriKind, name: nameKind)
        }
        var base = stack[parent].base
        var attrs: FeedAttributes?
        switch role {
        case .inner:
            // Kept as HTML in the field's text; HTMLTextScanner turns it into breaks for the plain text.
            if let fieldIndex { stack[fieldIndex].hasChildMarkup = true }
            if text.count < maxFieldBytes { FieldMarkup.appendStartTag(name, attributes: FieldMarkup.keepsAttributes(name) ? markupAttributes() : [], to: &text) }
        case .skippedInner, .ignored:
            // Nothing below reads their attributes or their xml:base.
            break
        case .root, .channel, .item, .author, .group, .field:
            (attrs, base) = Self.read(attributes(), base: base)
        }
        if role == .item {
            item = ItemDraft(base: base)
            itemPublishedRank = Int.max
        }
        if role == .author { authorName = nil; authorEmail = nil }
        var frame = Frame(name: name, uriKind: uriKind, nameKind: nameKind, role: role,
                          textStart: text.count, base: base, attributes: attrs)
        frame.escapesText = role == .inner || (role == .field && uriKind.isAtom && attrs?.type?.lowercased() == "xhtml")
        push(consume frame)
        return true
    }

    /// The attributes, and the base URL after the element's xml:base.
    private static func read(_ attributes: FeedAttributes?, base: URL?) -> (FeedAttributes?, URL?) {
        guard let value = attributes?.base else { return (attributes, base) }
        return (attributes, resolveURL(value, against: base).flatMap { URL(string: $0) } ?? base)
    }

    /// `consuming`: the frame moves onto the stack (no retain of its Strings and release of the copy).
    private mutating func push(_ frame: consuming Frame) {
        let role = frame.role, escapesText = frame.escapesText
        stack.append(frame)
        if role == .field { fieldIndex = stack.count - 1 }
        isCollectingText = role == .field || role == .inner
        isEscapingText = escapesText
    }

    /// The open element's frame, taken off a stack that is not empty. Not an
    /// Optional: the compiler destroys an Optional<Frame> through its type
    /// metadata, a slow path that cost more than the rest of an element's end.
    private mutating func pop() -> Frame {
        let frame = stack.removeLast()
        if frame.role == .field { fieldIndex = nil }
        isCollectingText = topRole == .field || topRole == .inner
        isEscapingText = stack.isEmpty ? false : stack[stack.count - 1].escapesText
        return frame
    }

    /// The open element's role; read without copying its frame.
    private var topRole: Role? {
        stack.isEmpty ? nil : stack[stack.count - 1].role
    }

    /// Inlined into libxml2's text callback (two million calls per corpus round):
    /// plain text that fits (the limit and the buffer's room) is two tests and a
    /// copy; the rest (escaping, cutting, growing) is out of line.
    @inline(__always)
    mutating func characters(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard isCollectingText else { return }
        if isEscapingText || !text.appendWithoutGrowing(bytes, limit: maxFieldBytes) {
            escapedOrTruncated(bytes)
        }
    }

    @inline(never)
    private mutating func escapedOrTruncated(_ bytes: UnsafeBufferPointer<UInt8>) {
        if text.count &+ bytes.count > maxFieldBytes {
            truncate(bytes)
        } else if isEscapingText {
            FieldMarkup.appendEscaped(bytes, to: &text)
        } else {
            text.append(contentsOf: bytes)
        }
    }

    mutating func endElement(line: Int, column: Int) {
        if overflowDepth > 0 {
            overflowDepth -= 1
            return
        }
        guard !stack.isEmpty else { return }
        let frame = pop()
        switch frame.role {
        case .inner:
            if text.count < maxFieldBytes { FieldMarkup.appendEndTag(frame.name, to: &text) }
            return
        case .skippedInner, .ignored, .root, .channel, .group:
            break
        case .field:
            let value = text[from: frame.textStart]
            if let parentRole = topRole {
                take(field: frame, value: value, parent: parentRole, line: line, column: column)
            }
        case .author:
            let who = authorName ?? authorEmail
            if let who, !who.isEmpty {
                if item != nil { item?.authors.append(who) }
            }
        case .item:
            // Taken, not copied: a copy retained every String of the draft, and
            // clearing `item` released them again.
            if var draft = item.take() {
                draft.line = line
                rawItems.append(consume draft)
            }
        }
        text.removeAll(from: frame.textStart)
    }

    /// A field over ParseLimits.maxFieldBytes keeps its first bytes (whole
    /// characters) and says so once.
    private mutating func truncate(_ bytes: UnsafeBufferPointer<UInt8>) {
        var room = max(0, maxFieldBytes - text.count)
        while room > 0, room < bytes.count, bytes[room] & 0xC0 == 0x80 { room -= 1 }
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.prefix(room)))
        guard let fieldIndex, !stack[fieldIndex].isTruncated else { return }
        stack[fieldIndex].isTruncated = true
        warn(line: 0, column: 0, "<\(stack[fieldIndex].name)> is longer than \(maxFieldBytes) bytes; cut there")
    }

    /// Closes what a truncated document left open, so its last item is kept.
    mutating func closeOpenElements(line: Int, column: Int) {
        if !stack.isEmpty, outcome == .feed {
            warn(line: line, column: column, "document ends inside <\(stack[stack.count - 1].name)>; kept what was read")
        }
        while !stack.isEmpty { endElement(line: line, column: column) }
    }

    mutating func warn(line: Int, column: Int, _ message: String) {
        warnings.append("\(line):\(column): \(message)")
    }

    // MARK: structure

    private mutating func startRoot(uri: String, name: String, attrs: FeedAttributes?, base: URL?, declaredNamespaces: [String]) -> Bool {
        switch name {
        case "rss":
            let version = attrs?.version ?? "2.0"
            format = version.hasPrefix("0.9") ? .rss09x : .rss20
        case "RDF":
            format = declaredNamespaces.contains(Namespace.rss090) && !declaredNamespaces.contains(Namespace.rss10) ? .rss09x : .rss10
        case "feed" where uri == Namespace.atom03:
            format = .atom03
        case "feed" where uri == Namespace.atom10 || uri.isEmpty:
            format = .atom10
        default:
            outcome = name.lowercased() == "html" ? .html : .unknownRoot(uri.isEmpty ? name : "{\(uri)}\(name)")
            return false
        }
        outcome = .feed
        feed.format = format
        if let lang = attrs?.lang, !lang.isEmpty { feed.language = lang }
        push(Frame(name: name, uriKind: NamespaceKind(uri), nameKind: ElementName(name), role: .root,
                   textStart: text.count, base: base, attributes: attrs))
        return true
    }

    private var isAtom: Bool { format == .atom10 || format == .atom03 }

    private func isCore(_ uri: NamespaceKind) -> Bool {
        switch format {
        case .atom10, .atom03: return uri.isAtom
        case .rss10: return uri == .rss10 || uri == .rss090 || uri == .none
        case .rss09x, .rss20, .json11, .json10: return uri.isPlainRSS || uri == .rss090
        }
    }

    /// The role of a child of `parent`, from its names read as enums (ElementName,
    /// NamespaceKind): this runs for every element of the feed's structure.
    private mutating func childRole(of parent: Role, uri: NamespaceKind, name: ElementName) -> Role {
        let core = isCore(uri)
        switch parent {
        case .root where isAtom:
            if core && name == .entry { return .item }
            if core && name == .author { return .ignored }
            return Self.feedFieldNames(uri: uri, name: name, core: core) ? .field : .ignored
        case .root:
            if core && name == .channel {
                if uri == .rss090 { format = .rss09x; feed.format = .rss09x }
                return .channel
            }
            if core && name == .item {
                if uri == .rss090 { format = .rss09x; feed.format = .rss09x }
                return .item
            }
            return .ignored
        case .channel:
            if core && name == .item { return .item }
            return Self.feedFieldNames(uri: uri, name: name, core: core) ? .field : .ignored
        case .item:
            if uri.isAtom && name == .author { return .author }
            if uri == .media && name == .group { return .group }
            return Self.itemFieldNames(uri: uri, name: name, core: core) ? .field : .ignored
        case .author:
            return uri.isAtom && (name == .name || name == .email) ? .field : .ignored
        case .group:
            return uri == .media && Self.isMediaField(name) ? .field : .ignored
        default:
            return .ignored
        }
    }

    private static func feedFieldNames(uri: NamespaceKind, name: ElementName, core: Bool) -> Bool {
        if core {
            switch name {
            case .title, .link, .description, .language, .lastBuildDate, .pubDate, .ttl,
                 .subtitle, .tagline, .updated, .modified:
                return true
            default:
                return false
            }
        }
        if uri == .dc { return name == .date || name == .language || name == .title || name == .description }
        if uri.isAtom { return name == .link }
        return false
    }

    private static func itemFieldNames(uri: NamespaceKind, name: ElementName, core: Bool) -> Bool {
        if core {
            switch name {
            case .title, .link, .description, .guid, .pubDate, .author, .category, .enclosure,
                 .id, .summary, .content, .published, .updated, .issued, .modified:
                return true
            default:
                return false
            }
        }
        switch uri {
        case .dc: return name == .creator || name == .subject || name == .date || name == .title || name == .description
        case .dcterms: return name == .modified || name == .issued || name == .created
        case .content: return name == .encoded
        case .atom10, .atom03: return name == .link || name == .id || name == .updated || name == .published
        default: return uri == .media && Self.isMediaField(name)
        }
    }

    /// Media RSS elements read inside an item or a media:group.
    private static func isMediaField(_ name: ElementName) -> Bool {
        name == .content || name == .thumbnail || name == .description
    }

    // MARK: fields

    private mutating func take(field frame: Frame, value: UnsafeBufferPointer<UInt8>, parent: Role, line: Int, column: Int) {
        let uri = frame.uriKind, name = frame.nameKind, attrs = frame.attributes
        let core = isCore(uri)

        // Attribute-only elements first.
        if uri.isAtom && name == .link {
            takeAtomLink(attrs: attrs, base: frame.base, parent: parent)
            return
        }
        if uri == .media && name == .thumbnail {
            if parent == .item || parent == .group, item?.thumbnailURL == nil, let url = attrs?.url.flatMap(Self.nonEmpty) {
                item?.thumbnailURL = resolveURL(url, against: frame.base) ?? url
            }
            return
        }
        if uri == .media && name == .content {
            if parent == .item || parent == .group, let url = attrs?.url, !url.isEmpty {
                item?.enclosures.append(Enclosure(url: resolveURL(url, against: frame.base) ?? url, type: attrs?.type, length: attrs?.fileSize.flatMap { Int($0) }))
            }
            return
        }
        if core && name == .enclosure && !isAtom {
            if let url = attrs?.url, !url.isEmpty {
                item?.enclosures.append(Enclosure(url: resolveURL(url, against: frame.base) ?? url, type: attrs?.type, length: attrs?.length.flatMap { Int($0.trimmedASCIIWhitespace) }))
            }
            return
        }

        switch parent {
        case .author:
            let string = plainText.literal(value)
            if name == .name { authorName = string } else if authorName == nil { authorEmail = string }
        case .root, .channel:
            takeFeedField(frame: frame, value: value, core: core, line: line, column: column)
        case .item, .group:
            takeItemField(frame: frame, value: value, core: core, line: line, column: column)
        default:
            break
        }
    }

    private mutating func takeFeedField(frame: Frame, value: UnsafeBufferPointer<UInt8>, core: Bool, line: Int, column: Int) {
        let name = frame.nameKind
        let isDC = frame.uriKind == .dc
        switch name {
        case .title where core || isDC:
            if feed.title == nil || core { feed.title = Self.nonEmpty(textValue(frame, value)) }
        case .link where core:
            let raw = plainText.literal(value)
            if !raw.isEmpty, feedLinkScore < 4 {
                feed.link = resolveURL(raw, against: frame.base) ?? raw
                feedLinkScore = 4
            }
        case .description, .subtitle, .tagline:
            if core || isDC, feed.description == nil || core { feed.description = Self.nonEmpty(textValue(frame, value)) }
        case .language where core || isDC:
            feed.language = Self.nonEmpty(plainText.literal(value)) ?? feed.language
        case .ttl where core:
            if let minutes = Int(plainText.literal(value)), minutes > 0 { feed.ttlMinutes = minutes }
        case .lastBuildDate, .updated, .modified, .pubDate, .date:
            let rank: Int
            switch name {
            case .lastBuildDate, .updated, .modified: rank = 0
            case .pubDate: rank = 1
            default: rank = 2
            }
            if rank < feedDateRank, let date = readDate(value, line: line, column: column) {
                feed.updated = date
                feedDateRank = rank
            }
        default:
            break
        }
    }

    private mutating func takeItemField(frame: Frame, value: UnsafeBufferPointer<UInt8>, core: Bool, line: Int, column: Int) {
        // `item!.x = ...` changes the draft in place: copying it out and back
        // would retain and release every String in it for every field.
        guard item != nil else { return }
        let uri = frame.uriKind, name = frame.nameKind
        switch (uri, name) {
        case (_, .title) where core || uri == .dc:
            if item!.title == nil || core { item!.title = Self.nonEmpty(textValue(frame, value)) }
        case (_, .link) where core:
            let raw = plainText.literal(value)
            if !raw.isEmpty, item!.linkScore < 4 {
                item!.link = resolveURL(raw, against: frame.base) ?? raw
                item!.linkScore = 4
            }
        case (_, .guid) where core:
            item!.guid = Self.nonEmpty(plainText.literal(value))
            item!.guidIsPermaLink = frame.attributes?.isPermaLink?.lowercased() != "false"
        case (_, .id) where core || uri.isAtom:
            item!.atomID = Self.nonEmpty(plainText.literal(value))
        case (_, .description) where core || uri == .dc || uri == .media, (_, .summary) where core:
            // media:description only fills in for an item without a summary of its own.
            if item!.summary == nil || core {
                item!.summary = Self.nonEmpty(textValue(frame, value))
                item!.summaryMarkup = item!.summary == nil ? nil : htmlValue(frame, value)
            }
        case (.content, .encoded):
            item!.content = Self.nonEmpty(plainText.fromHTML(value))
            item!.contentMarkup = item!.content == nil ? nil : htmlValue(frame, value)
        case (_, .content) where core:
            if frame.attributes?.src != nil { break }
            if frame.attributes?.mode == "base64" {
                // Atom 0.3: the content's bytes in base64, of the MIME type its type= names.
                let encoded = plainText.literal(value).filter { !$0.isWhitespace }
                guard let decoded = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                    warn(line: line, column: column, "content mode=\"base64\" is not base64; skipped")
                    break
                }
                let bytes = [UInt8](decoded)[...]
                let isHTML = frame.attributes?.type?.lowercased().contains("html") ?? false
                // Not through `plainText`: these bytes are not libxml2's, so nothing says they are UTF-8.
                item!.content = Self.nonEmpty(isHTML ? PlainText.fromHTML(bytes) : PlainText.literal(bytes))
                // Decoded bytes need not be UTF-8: made a String (bad bytes read as U+FFFD) first.
                item!.contentMarkup = isHTML && bytes.contains(UInt8(ascii: "<")) ? MarkupText(String(decoding: bytes, as: UTF8.self)) : nil
                break
            }
            item!.content = Self.nonEmpty(textValue(frame, value))
            item!.contentMarkup = item!.content == nil ? nil : htmlValue(frame, value)
        case (_, .author) where core, (.dc, .creator):
            if let who = Self.nonEmpty(plainText.fromHTML(value)) { item!.authors.append(who) }
        case (_, .category) where core:
            var label = frame.attributes?.term ?? frame.attributes?.label ?? plainText.fromHTML(value)
            if let collapsed = Self.nonEmpty(label.withUTF8 { plainText.literal($0) }) { item!.categories.append(collapsed) }
        case (.dc, .subject):
            if let label = Self.nonEmpty(plainText.fromHTML(value)) { item!.categories.append(label) }
        case (_, .pubDate) where core, (_, .published) where core || uri.isAtom, (_, .issued), (_, .created), (.dc, .date):
            let rank: Int
            switch name {
            case .pubDate, .published: rank = 0
            case .issued: rank = uri == .dcterms ? 2 : 0
            case .date: rank = 1
            default: rank = 3
            }
            if rank < itemPublishedRank, let date = readDate(value, line: line, column: column) {
                item!.published = date
                itemPublishedRank = rank
            }
        case (_, .updated), (_, .modified):
            if item!.updated == nil || core, let date = readDate(value, line: line, column: column) { item!.updated = date }
        default:
            break
        }
    }

    /// How good a link is as "the" link: RSS <link> 4; Atom alternate (or no rel)
    /// as text/html 3, untyped 2, other type 1.
    private mutating func takeAtomLink(attrs: FeedAttributes?, base: URL?, parent: Role) {
        guard let href = attrs?.href.flatMap(Self.nonEmpty) else { return }
        let resolved = resolveURL(href, against: base) ?? href
        let rel = attrs?.rel ?? "alternate"
        if rel == "enclosure" {
            if parent == .item { item?.enclosures.append(Enclosure(url: resolved, type: attrs?.type, length: attrs?.length.flatMap { Int($0) })) }
            return
        }
        guard rel == "alternate" else { return }
        let type = attrs?.type?.lowercased()
        let score = type == nil ? 2 : (type == "text/html" || type == "application/xhtml+xml" ? 3 : 1)
        switch parent {
        case .item:
            if score > (item?.linkScore ?? 4) { item?.link = resolved; item?.linkScore = score }
        case .root, .channel:
            if score > feedLinkScore { feed.link = resolved; feedLinkScore = score }
        default:
            break
        }
    }

    /// Atom text constructs follow their type; everything else may hold HTML.
    private func textValue(_ frame: Frame, _ value: UnsafeBufferPointer<UInt8>) -> String {
        Self.isHTML(frame) ? plainText.fromHTML(value) : plainText.literal(value)
    }

    /// Whether a text field holds HTML: RSS fields may; Atom's say so by type
    /// (type="xhtml" arrives as child elements, written back as HTML by FieldMarkup);
    /// Media RSS's description is plain unless type="html".
    private static func isHTML(_ frame: Frame) -> Bool {
        if frame.hasChildMarkup || frame.escapesText { return true }
        let type = frame.attributes?.type?.lowercased()
        if frame.uriKind == .media { return type == "html" }
        guard frame.uriKind.isAtom else { return true }
        return type == "html" || type == "text/html" || frame.attributes?.mode == "escaped"
    }

    /// The field's HTML as sent, for the digest: only when it is HTML and has markup.
    /// `value` is the field's text, `text[from: frame.textStart]`.
    private mutating func htmlValue(_ frame: Frame, _ value: UnsafeBufferPointer<UInt8>) -> MarkupText? {
        guard Self.isHTML(frame), value.contains(UInt8(ascii: "<")) else { return nil }
        // Trimmed as bytes and kept as bytes: most items are dropped by the matcher, and
        // only those stored pay for a String (libxml2's text is UTF-8; whole characters are trimmed).
        func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
        guard let first = value.firstIndex(where: { !isSpace($0) }),
              let last = value.lastIndex(where: { !isSpace($0) }) else { return nil }
        // Fields do not nest, so a field's text starts the buffer and its bytes can be
        // shared rather than copied; were it ever not so, they are copied.
        guard frame.textStart == 0 else { return MarkupText(utf8: UnsafeBufferPointer(rebasing: value[first...last])) }
        return text.markup(first..<(last + 1))
    }

    private mutating func readDate(_ value: UnsafeBufferPointer<UInt8>, line: Int, column: Int) -> Date? {
        guard !value.isEmpty else { return nil }
        // The text collapsed as plainText.literal would, read as bytes: a String only for the warning.
        let zone = options.defaultTimeZone
        let (date, text) = plainText.collapsing(value) { writer -> (Date?, String?) in
            let collapsed = writer.text
            guard !collapsed.isEmpty else { return (nil, nil) }
            if let date = FeedDateParser.parse(utf8: collapsed, defaultTimeZone: zone) { return (date, nil) }
            return (nil, String(decoding: collapsed, as: UTF8.self))
        }
        if let text { warn(line: line, column: column, "unreadable date \"\(text.prefix(60))\"") }
        return date
    }

    /// Text from PlainText is already trimmed; attribute values may not be.
    private static func nonEmpty(_ s: String) -> String? {
        let trimmed = s.trimmedASCIIWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    // MARK: result

    /// The feed with every item keyed, deduplicated and its links made absolute.
    /// Called once, at the end: the drafts move into the items.
    mutating func finish() -> ParsedFeed {
        let feedBase = feed.link.flatMap { URL(string: $0) }.flatMap { $0.scheme == nil ? nil : $0 } ?? documentBase
        // Drafts are changed in place (a copy of the array would copy every draft).
        for index in rawItems.indices {
            let base = rawItems[index].base ?? feedBase
            // Links were resolved when their field was taken (against the
            // field's own xml:base); only those still relative need the feed's.
            if let link = rawItems[index].link, !link.isHTTPURL { rawItems[index].link = resolveURL(link, against: base) ?? link }
            if rawItems[index].link == nil, rawItems[index].guidIsPermaLink, let guid = rawItems[index].guid,
               guid.hasPrefix("http://") || guid.hasPrefix("https://") {
                rawItems[index].link = guid
            }
            if rawItems[index].enclosures.contains(where: { !$0.url.isHTTPURL }) {
                rawItems[index].enclosures = rawItems[index].enclosures.map {
                    $0.url.isHTTPURL ? $0 : Enclosure(url: resolveURL($0.url, against: base) ?? $0.url, type: $0.type, length: $0.length)
                }
            }
        }
        // How often each repeated id is used; ids used once (nearly all) are hashed once, into `seen`.
        var seen = Set<String>(minimumCapacity: rawItems.count)
        var repeats: [String: Int] = [:]
        for index in rawItems.indices {
            if let id = rawItems[index].guid ?? rawItems[index].atomID, !seen.insert(id).inserted { repeats[id, default: 1] += 1 }
        }
        var warnedDuplicates = Set<String>()
        var items: [FeedItem] = []
        items.reserveCapacity(rawItems.count)
        for index in rawItems.indices {
            // Moved out (an empty draft left in its place): its Strings go to the
            // item without a retain here and a release when the drafts are freed.
            var draft = ItemDraft()
            swap(&draft, &rawItems[index])
            var id = draft.guid ?? draft.atomID
            if let key = id, !repeats.isEmpty, let count = repeats[key] {
                if warnedDuplicates.insert(key).inserted {
                    warn(line: draft.line, column: 0, "id \"\(key.prefix(80))\" is used by \(count) items; keyed them by link")
                }
                id = draft.link ?? Self.stableID(draft)
            }
            let key = id ?? draft.link ?? Self.stableID(draft)
            if let warning = future.warning(title: draft.title, id: key, published: draft.published, updated: draft.updated) {
                warn(line: draft.line, column: 0, warning)
            }
            items.append(FeedItem(id: key, title: draft.title, link: draft.link,
                                  published: draft.published, updated: draft.updated, authors: draft.authors,
                                  categories: draft.categories, summary: draft.summary, content: draft.content,
                                  enclosures: draft.enclosures, summaryMarkup: draft.summaryMarkup, contentMarkup: draft.contentMarkup,
                                  thumbnailURL: draft.thumbnailURL.map { $0.isHTTPURL ? $0 : resolveURL($0, against: draft.base ?? feedBase) ?? $0 }))
        }
        feed.items = items
        feed.warnings = warnings
        return feed
    }

    private static func stableID(_ draft: ItemDraft) -> String {
        let date = (draft.published ?? draft.updated).map { String(Int64($0.timeIntervalSince1970)) } ?? ""
        let body = draft.title ?? draft.summary ?? draft.content ?? ""
        return "fnv1a:" + FNV1a.hex(body + "\u{1F}" + date)
    }
}

/// A link made absolute against `base`; nil when it cannot be read as a URL.
func resolveURL(_ raw: String, against base: URL?) -> String? {
    // Most links are already absolute and plain: Foundation would give them back as they are.
    if raw.isPlainHTTPURL { return raw }
    let trimmed = raw.trimmedASCIIWhitespace
    guard !trimmed.isEmpty else { return nil }
    guard let url = URL(string: trimmed, relativeTo: base) else { return nil }
    return url.absoluteString
}

extension String {
    /// Starts with "http://" or "https://" (lower case, as resolveURL leaves
    /// them): resolving such a link again against any base gives it back.
    var isHTTPURL: Bool {
        utf8.withContiguousStorageIfAvailable { b in
            guard b.count >= 7, b[0] == 0x68, b[1] == 0x74, b[2] == 0x74, b[3] == 0x70 else { return false }
            let i = b[4] == 0x73 ? 5 : 4
            return b.count >= i + 3 && b[i] == 0x3A && b[i + 1] == 0x2F && b[i + 2] == 0x2F
        } ?? false
    }

    /// An absolute http(s) URL that URL(string:relativeTo:) reads and gives back
    /// unchanged, whatever the base: lower-case scheme, a host of letters, digits,
    /// dots and hyphens (no user, no IP literal), an optional numeric port, then
    /// only characters a URI allows unescaped, and no dot segment, `%` or `#`
    /// (which Foundation would check, encode or resolve). Anything else goes to Foundation.
    var isPlainHTTPURL: Bool {
        utf8.withContiguousStorageIfAvailable { Self.isPlainHTTPURL($0) } ?? false
    }

    private static func isPlainHTTPURL(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        guard n > 8, b[0] == 0x68, b[1] == 0x74, b[2] == 0x74, b[3] == 0x70 else { return false }
        var i = b[4] == 0x73 ? 5 : 4
        guard b[i] == 0x3A, b[i + 1] == 0x2F, b[i + 2] == 0x2F else { return false }
        i += 3
        let host = hostMask, path = pathMask
        let hostStart = i
        while i < n, isPlain(b[i], host.low, host.high) { i += 1 }
        guard i > hostStart, b[hostStart] != 0x2E else { return false }
        if i < n, b[i] == 0x3A {
            i += 1
            let portStart = i
            while i < n, b[i] >= 0x30 && b[i] <= 0x39 { i += 1 }
            guard i > portStart, i - portStart <= 5 else { return false }
        }
        guard i == n || b[i] == 0x2F || b[i] == 0x3F else { return false }
        var previous: UInt8 = 0
        while i < n {
            let c = b[i]
            guard isPlain(c, path.low, path.high) else { return false }
            // "/." could start a dot segment ("/./", "/../"), which Foundation removes.
            if c == 0x2E && previous == 0x2F { return false }
            previous = c
            i += 1
        }
        return true
    }

    /// Whether ASCII byte `c` is in the set whose bits for 0-63 are `low` and for 64-127 `high`.
    /// (The half is chosen by a select, not a branch: in a URL letters and
    /// punctuation alternate, and the branch was mispredicted.)
    @inline(__always)
    private static func isPlain(_ c: UInt8, _ low: UInt64, _ high: UInt64) -> Bool {
        let mask = c < 64 ? low : (c < 128 ? high : 0)
        return mask &>> UInt64(c & 63) & 1 == 1
    }

    /// The two masks isPlain reads for the ASCII bytes of `characters`.
    private static func masks(_ characters: String) -> (low: UInt64, high: UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        for c in characters.utf8 { if c < 64 { low |= 1 << c } else { high |= 1 << (c & 63) } }
        return (low, high)
    }

    private static let alphanumerics = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    /// Host: letters, digits, dots and hyphens.
    private static let hostMask = masks(alphanumerics + "-.")
    /// Path and query: letters, digits, RFC 3986 unreserved and sub-delims, and / ? : @.
    private static let pathMask = masks(alphanumerics + "-._~/?:@!$&'()*+,;=")

    /// Cheaper than Foundation's trimmingCharacters for the long texts feeds carry.
    var trimmedASCIIWhitespace: String {
        let utf8 = self.utf8
        func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
        guard let first = utf8.first, let last = utf8.last, isSpace(first) || isSpace(last) else { return self }
        let start = utf8.firstIndex { !isSpace($0) } ?? utf8.endIndex
        let end = utf8.lastIndex { !isSpace($0) }.map { utf8.index(after: $0) } ?? start
        return start < end ? String(self[start..<end]) : ""
    }
}
