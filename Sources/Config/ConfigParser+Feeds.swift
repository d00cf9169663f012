import Foundation
import FeedModel

extension ConfigParser {
    /// `URL key=value key="quoted value" ...`
    mutating func readFeed(_ line: SourceLine) throws(ConfigError) {
        let words = try QuotedValue.splitWords(line.content, line: line.number, fileName: fileName)
        guard let urlWord = words.first else { return }
        let (url, defaultName) = try feedURL(urlWord, line: line.number)
        var feed = FeedSource(name: defaultName, url: url)
        var optionColumns: [String: Int] = [:]

        for (position, word) in words.enumerated().dropFirst() {
            guard let equals = word.firstIndex(of: "=") else {
                let nextStartsWithEquals = position + 1 < words.count && words[position + 1].first == "="
                let hint = nextStartsWithEquals ? " (write key=value without spaces around '=')" : ""
                throw error(line.number, word.column, "expected key=value after the URL, found \"\(word.string)\"\(hint)")
            }
            let key = word[..<equals].string
            guard !key.isEmpty else {
                throw error(line.number, word.column,
                            "expected a key before '=' (write key=value without spaces around '=')")
            }
            if let first = optionColumns[key], !Self.repeatableFeedOptions.contains(key) {
                throw error(line.number, word.column, "duplicate option \(key) (first at column \(first))")
            }
            if optionColumns[key] == nil { optionColumns[key] = word.column }
            let valueText = word[(equals + 1)...]
            let value = try QuotedValue.unquote(valueText, line: line.number, fileName: fileName)
                .trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty else {
                throw error(line.number, word.column, "empty value for \(key)")
            }
            switch key {
            case "name":
                feed.name = value
            case "country":
                guard value.count == 2, value.allSatisfy({ $0.isASCII && $0.isLetter }) else {
                    throw error(line.number, valueText.column,
                                "invalid country \"\(value)\" (expected a two-letter ISO 3166 code such as AZ)")
                }
                feed.country = value.uppercased()
            case "lang":
                feed.language = value
            case "perspective":
                feed.perspective = value
                feed.options[key] = value
            case "tags":
                feed.tags = value.split(separator: ",")
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
            default:
                try readFetchOption(key, value, at: valueText, keyColumn: word.column, line: line.number, into: &feed)
                // Kept verbatim as well, for readers of `options`; repeated keys one per line.
                feed.options[key] = feed.options[key].map { $0 + "\n" + value } ?? value
            }
        }

        if let first = feedLines[feed.name] {
            let column = optionColumns["name"] ?? urlWord.column
            throw error(line.number, column, "duplicate feed name \(feed.name) (first at line \(first))")
        }
        feedLines[feed.name] = line.number
        feeds.append(feed)
    }

    /// The URL as stored (file: URLs made absolute) and the name the feed gets
    /// when the line gives none.
    func feedURL(_ word: LineText, line: Int, label: String = "URL") throws(ConfigError) -> (url: String, name: String) {
        let text = try QuotedValue.unquote(word, line: line, fileName: fileName)
        func invalid(_ why: String) -> ConfigError {
            error(line, word.column, "invalid \(label) \"\(text)\": \(why)")
        }
        guard let colon = text.firstIndex(of: ":") else {
            throw invalid("expected an http:, https: or file: URL")
        }
        let scheme = text[..<colon].lowercased()
        let rest = String(text[text.index(after: colon)...])
        switch scheme {
        case "http", "https":
            guard !text.contains(where: \.isWhitespace) else { throw invalid("URLs cannot contain spaces") }
            guard let components = URLComponents(string: text) else { throw invalid("not a URL") }
            guard let host = components.host, !host.isEmpty else { throw invalid("no host") }
            return (text, host.lowercased())
        case "file":
            guard let path = PathResolver.filePath(fromURLRest: rest, base: baseDirectory) else {
                throw invalid("a file: URL needs a path and cannot name another host")
            }
            guard path != "/" else { throw invalid("a file: URL needs a file name") }
            let fileName = path.split(separator: "/").last.map(String.init) ?? path
            let stem = fileName.lastIndex(of: ".").map { fileName[..<$0] }.flatMap { $0.isEmpty ? nil : String($0) }
            return (PathResolver.fileURL(forAbsolutePath: path), stem ?? fileName)
        default:
            throw invalid("unsupported scheme \(scheme): (expected http:, https: or file:)")
        }
    }
}
