import Foundation

/// One pass of the sanitiser: a tokeniser that follows the HTML parser's states closely enough
/// to find every tag a browser would find, and a writer that emits only the allow-list.
extension HTMLSanitizer {
    struct Run {
        let input: [Unicode.Scalar]
        let sanitizer: HTMLSanitizer
        var index = 0
        var output = ""
        /// Open elements, innermost last: the input name and the elements written for it.
        var stack: [(name: String, written: [String])] = []
        var textLength = 0
        var finished = false
        /// A dropped block tag stood here: a space goes out before whatever comes next.
        var pendingSpace = false

        init(input: [Unicode.Scalar], sanitizer: HTMLSanitizer) {
            self.input = input
            self.sanitizer = sanitizer
        }

        mutating func go() {
            while index < input.count, !finished {
                if input[index] == "<" {
                    markup()
                } else {
                    text()
                }
            }
            while !stack.isEmpty { closeTop() }
        }

        // MARK: Text

        /// Text up to the next `<`: escaped, with well-formed character references kept as
        /// they are (a browser turns them into text, never into markup).
        mutating func text() {
            while index < input.count, input[index] != "<", !finished {
                let scalar = input[index]
                flushSpace()
                if textLength >= sanitizer.maxTextLength {
                    output += "…"
                    finished = true
                    return
                }
                switch scalar {
                case "&":
                    if let end = referenceEnd(at: index) {
                        output.unicodeScalars.append(contentsOf: input[index..<end])
                        index = end
                    } else {
                        output += "&amp;"
                        index += 1
                    }
                case ">": output += "&gt;"; index += 1
                case "\t", "\n", "\r": output.unicodeScalars.append(scalar); index += 1
                case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                    index += 1
                    continue
                default:
                    output.unicodeScalars.append(scalar)
                    index += 1
                }
                textLength += 1
            }
        }

        /// The end of a well-formed reference at `start`: `&name;`, `&#123;`, `&#x1F;`.
        func referenceEnd(at start: Int) -> Int? {
            var end = start + 1
            let numeric = end < input.count && input[end] == "#"
            if numeric { end += 1 }
            let hex = numeric && end < input.count && (input[end] == "x" || input[end] == "X")
            if hex { end += 1 }
            let first = end
            while end < input.count, end - first < 32 {
                let scalar = input[end]
                let fits = hex ? HTMLReferences.hexValue(scalar) != nil
                    : numeric ? HTMLReferences.decimalValue(scalar) != nil
                    : isASCIILetter(scalar) || ("0"..."9").contains(scalar)
                guard fits else { break }
                end += 1
            }
            guard end > first, end < input.count, input[end] == ";" else { return nil }
            if !numeric, !isASCIILetter(input[first]) { return nil }
            return end + 1
        }

        // MARK: Markup

        /// At a `<`: a tag, a comment, or just a `<` in the text.
        mutating func markup() {
            let next = index + 1 < input.count ? input[index + 1] : nil
            switch next {
            case "!":
                if starts(with: "<!--", at: index) {
                    skip(past: "-->", from: index + 4)
                } else if starts(with: "<![CDATA[", at: index, caseSensitive: true) {
                    skip(past: "]]>", from: index + 9)
                } else {
                    skip(past: ">", from: index + 2)
                }
            case "?":
                skip(past: ">", from: index + 2)
            case "/":
                if index + 2 < input.count, isASCIILetter(input[index + 2]) {
                    index += 2
                    let name = tagName()
                    guard attributes() != nil else { return }
                    endTag(name)
                } else {
                    // "</>" is nothing; "</3" and the like are bogus comments.
                    skip(past: ">", from: index + 2)
                }
            case let scalar? where isASCIILetter(scalar):
                index += 1
                let name = tagName()
                guard let attributes = attributes() else { return }
                startTag(name, attributes)
            default:
                flushSpace()
                output += "&lt;"
                textLength += 1
                index += 1
            }
        }

        /// Letters up to white space, `/` or `>`, lower-cased (ASCII only, as HTML does).
        mutating func tagName() -> String {
            var name = String.UnicodeScalarView()
            while index < input.count, !isSpace(input[index]), input[index] != "/", input[index] != ">" {
                let scalar = input[index]
                name.append(lowered(scalar))
                index += 1
            }
            return String(name)
        }

        /// Attributes up to and past the tag's `>`; the first of a name wins. Nil when the input
        /// ends inside the tag: then the tag is dropped, as browsers drop it, and so is the rest.
        mutating func attributes() -> [String: String]? {
            var found: [String: String] = [:]
            while index < input.count {
                let scalar = input[index]
                if isSpace(scalar) || scalar == "/" { index += 1; continue }
                if scalar == ">" { index += 1; return found }
                var name = String.UnicodeScalarView()
                repeat {
                    let c = input[index]
                    name.append(lowered(c))
                    index += 1
                } while index < input.count && !isSpace(input[index]) && input[index] != "/"
                    && input[index] != ">" && input[index] != "="
                while index < input.count, isSpace(input[index]) { index += 1 }
                var value = ""
                if index < input.count, input[index] == "=" {
                    index += 1
                    while index < input.count, isSpace(input[index]) { index += 1 }
                    guard index < input.count else { break }
                    if input[index] == "\"" || input[index] == "'" {
                        let quote = input[index]
                        guard let close = input[(index + 1)...].firstIndex(of: quote) else { break }
                        value = String(String.UnicodeScalarView(input[(index + 1)..<close]))
                        index = close + 1
                    } else {
                        let start = index
                        while index < input.count, !isSpace(input[index]), input[index] != ">" { index += 1 }
                        value = String(String.UnicodeScalarView(input[start..<index]))
                    }
                }
                let key = String(name)
                if found[key] == nil { found[key] = value }
            }
            index = input.count
            finished = true
            return nil
        }

        mutating func startTag(_ name: String, _ attributes: [String: String]) {
            if HTMLSanitizer.rawText.contains(name) {
                skipRawText(of: name)
                return
            }
            if HTMLSanitizer.dropWithContent.contains(name) {
                skipElement(name)
                return
            }
            if name == "img" {
                image(attributes)
                return
            }
            guard let written = HTMLSanitizer.allowed[name] else {
                if HTMLSanitizer.separating.contains(name) { space() }
                return
            }
            if HTMLSanitizer.blocks.contains(name) {
                // A block closes open inline elements and an open paragraph, as in HTML.
                while let top = stack.last, !HTMLSanitizer.blocks.contains(top.name) || top.name == "p"
                    || top.name.hasPrefix("h") {
                    closeTop()
                }
            }
            if name == "li" {
                while let top = stack.last, top.name != "ul", top.name != "ol" {
                    closeTop()
                }
                // A list item outside a list keeps its text only.
                guard !stack.isEmpty else { space(); return }
            }
            if name == "a", stack.contains(where: { $0.name == "a" }) {
                endTag("a")
            }
            if name == "br" {
                flushSpace()
                output += "<br>"
                return
            }
            guard stack.count < sanitizer.maxDepth else { return }
            var tags = written.map { "<\($0)>" }
            if name == "a" {
                var opening = "<a"
                if let href = attributes["href"], let url = HTMLSanitizer.safeURL(href) {
                    opening += " href=\"\(HTMLText.attribute(url))\""
                }
                if let title = attributes["title"] {
                    opening += " title=\"\(HTMLText.attribute(HTMLReferences.decode(title)))\""
                }
                tags = [opening + ">"]
            }
            flushSpace()
            output += tags.joined()
            stack.append((name, written))
        }

        mutating func endTag(_ name: String) {
            if HTMLSanitizer.separating.contains(name) { space() }
            // Headings are one family: any heading end tag closes the open heading.
            let matches: (String) -> Bool = name.count == 2 && name.hasPrefix("h") && HTMLSanitizer.allowed[name] != nil
                ? { $0.count == 2 && $0.hasPrefix("h") } : { $0 == name }
            guard let depth = stack.lastIndex(where: { matches($0.name) }) else { return }
            while stack.count > depth { closeTop() }
        }

        mutating func closeTop() {
            guard let top = stack.popLast() else { return }
            output += top.written.reversed().map { "</\($0)>" }.joined()
        }

        /// A picture becomes a link to it (nothing is loaded), or its alt text.
        mutating func image(_ attributes: [String: String]) {
            let alt = HTMLReferences.decode(attributes["alt"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let label = alt.isEmpty ? "[image]" : "[image: \(alt)]"
            let url = attributes["src"].flatMap { HTMLSanitizer.safeURL($0, allowRelative: false) }
                .flatMap { HTMLSanitizer.scheme(of: Array($0.unicodeScalars)) == "mailto" ? nil : $0 }
            let insideLink = stack.contains { $0.name == "a" }
            flushSpace()
            if let url, !insideLink {
                output += "<a href=\"\(HTMLText.attribute(url))\">\(HTMLText.escape(label))</a>"
            } else if !alt.isEmpty || insideLink {
                output += HTMLText.escape(label)
            }
        }

        mutating func space() {
            pendingSpace = true
        }

        mutating func flushSpace() {
            if pendingSpace, let last = output.unicodeScalars.last, last != " " { output += " " }
            pendingSpace = false
        }

        // MARK: Skipping

        /// Past the first `terminator` from `start`; the rest of the input when there is none
        /// (an unclosed comment hides everything after it in a browser too).
        mutating func skip(past terminator: String, from start: Int) {
            let pattern = Array(terminator.unicodeScalars)
            var position = start
            while position + pattern.count <= input.count {
                if Array(input[position..<(position + pattern.count)]) == pattern {
                    index = position + pattern.count
                    return
                }
                position += 1
            }
            index = input.count
        }

        /// Past `</name` (any case) and its `>`: raw text has no tags inside.
        mutating func skipRawText(of name: String) {
            let closing = "</" + name
            var position = index
            while position < input.count {
                if input[position] == "<", starts(with: closing, at: position) {
                    let after = position + closing.unicodeScalars.count
                    if after >= input.count || isSpace(input[after]) || input[after] == "/" || input[after] == ">" {
                        index = after
                        _ = attributes()
                        return
                    }
                }
                position += 1
            }
            index = input.count
        }

        /// Past the end tag that closes this element, counting nested ones of the same name.
        mutating func skipElement(_ name: String) {
            var depth = 1
            while index < input.count {
                guard input[index] == "<" else { index += 1; continue }
                let next = index + 1 < input.count ? input[index + 1] : nil
                if next == "/", index + 2 < input.count, isASCIILetter(input[index + 2]) {
                    index += 2
                    let closed = tagName()
                    guard attributes() != nil else { return }
                    if closed == name { depth -= 1 }
                    if depth == 0 { return }
                } else if let next, isASCIILetter(next) {
                    index += 1
                    let opened = tagName()
                    guard attributes() != nil else { return }
                    if opened == name { depth += 1 }
                } else if next == "!" {
                    skip(past: starts(with: "<!--", at: index) ? "-->" : ">", from: index + 2)
                } else {
                    index += 1
                }
            }
        }

        func starts(with prefix: String, at position: Int, caseSensitive: Bool = false) -> Bool {
            let pattern = Array(prefix.unicodeScalars)
            guard position + pattern.count <= input.count else { return false }
            for (offset, expected) in pattern.enumerated() {
                let actual = input[position + offset]
                if (caseSensitive ? actual : lowered(actual)) != expected { return false }
            }
            return true
        }

        /// ASCII lower case only, as HTML compares tag and attribute names.
        func lowered(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            guard ("A"..."Z").contains(scalar), let lower = Unicode.Scalar(scalar.value + 32) else { return scalar }
            return lower
        }

        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{0C}"
        }

        func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { HTMLSanitizer.isASCIILetter(scalar) }
    }
}
