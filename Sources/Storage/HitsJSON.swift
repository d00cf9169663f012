import FeedModel

/// Reads back the hits JSON that `Store.encodeJSON` wrote, without `JSONDecoder`: a day's
/// digest decodes thousands of these, and the generic decoder spent a fifth of the read on them.
///
/// It knows exactly the shape the store writes (an array of flat objects with sorted keys,
/// string and integer values, absent optionals) and gives up on anything else (escapes
/// other than the simple ones, unknown keys, nulls, floats): then `decode` returns nil and the
/// caller falls back to `JSONDecoder`, so the result never depends on which one read it.
enum HitsJSON {
    static func decode(_ text: String) -> [Hit]? {
        var text = text
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            return reader.hits()
        }
    }

    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        mutating func hits() -> [Hit]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var hits: [Hit] = []
            if take(UInt8(ascii: "]")) { return index == bytes.count ? hits : nil }
            repeat {
                guard let hit = hit() else { return nil }
                hits.append(hit)
            } while take(UInt8(ascii: ","))
            guard take(UInt8(ascii: "]")), index == bytes.count else { return nil }
            return hits
        }

        mutating func hit() -> Hit? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var entity: String?, spelling: String?, field: ItemField?, matchedText: String?
            var start: Int?, end: Int?, variant: String?, side: String?, cancelledBy: String?
            if !take(UInt8(ascii: "}")) {
                repeat {
                    guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
                    switch key {
                    case "end": end = integer()
                    case "start": start = integer()
                    case "entity": entity = string()
                    case "spelling": spelling = string()
                    case "matchedText": matchedText = string()
                    case "variant": variant = string()
                    case "side": side = string()
                    case "cancelledBy": cancelledBy = string()
                    case "field": field = string().flatMap(ItemField.init(rawValue:))
                    default: return nil
                    }
                } while take(UInt8(ascii: ","))
                guard take(UInt8(ascii: "}")) else { return nil }
            }
            // A value of another type (null included) has already failed to parse above.
            guard let spelling, let field, let matchedText, let start, let end else { return nil }
            return Hit(entity: entity, spelling: spelling, field: field, matchedText: matchedText, start: start,
                       end: end, variant: variant, side: side, cancelledBy: cancelledBy)
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard index < bytes.count, bytes[index] == byte else { return false }
            index += 1
            return true
        }

        /// A string with no escape but \" \\ \/ \n \t \r (others: nil).
        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = index
            var plain = true
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: "\""):
                    defer { index += 1 }
                    let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
                    return plain ? String(decoding: raw, as: UTF8.self) : unescaped(raw)
                case UInt8(ascii: "\\"):
                    plain = false
                    index += 2
                case 0..<0x20:
                    return nil
                default:
                    index += 1
                }
            }
            return nil
        }

        func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var i = 0
            while i < raw.count {
                let byte = raw[i]
                guard byte == UInt8(ascii: "\\") else {
                    out.append(byte)
                    i += 1
                    continue
                }
                guard i + 1 < raw.count else { return nil }
                switch raw[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(raw[i + 1])
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                default: return nil
                }
                i += 2
            }
            // Valid: the text was a String, and the escapes stand for ASCII.
            return String(decoding: out, as: UTF8.self)
        }

        /// A non-negative or negative integer of at most 18 digits.
        mutating func integer() -> Int? {
            let negative = take(UInt8(ascii: "-"))
            var value = 0, digits = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                value = value * 10 + Int(bytes[index] - UInt8(ascii: "0"))
                digits += 1
                index += 1
            }
            guard digits > 0, digits <= 18 else { return nil }
            return negative ? -value : value
        }
    }
}
