import Foundation

/// Reads the dates feeds actually carry: RFC 822/1123 (and the sloppy
/// variants of it that RSS generators emit), RFC 3339 / ISO 8601 / W3CDTF,
/// Unix timestamps, and day-month-year dates with the month named in Russian,
/// Azerbaijani, Armenian, Georgian or Turkish (MonthNames).
///
/// Hand-written on bytes because it runs for every item of every poll;
/// DateFormatter loops are slow and locale-sensitive.
public enum FeedDateParser {
    /// The date, or nil when the text is not a date this parser understands.
    /// A date without a zone is read in `defaultTimeZone`, else UTC.
    public static func parse(_ text: String, defaultTimeZone: TimeZone? = nil) -> Date? {
        // A no-break space between day and month is common in Russian sites.
        // (Looked for as bytes first: Foundation's contains(_:) costs more than the date.)
        let text = hasNoBreakSpace(text) ? text.replacingOccurrences(of: "\u{A0}", with: " ") : text
        var bytes = Array(text.utf8)
        // Trim ASCII whitespace; anything else is left to the grammar.
        while let last = bytes.last, isSpace(last) { bytes.removeLast() }
        let start = bytes.firstIndex { !isSpace($0) } ?? bytes.endIndex
        if start > 0 { bytes.removeFirst(start) }
        return parse(trimmed: bytes, defaultTimeZone: defaultTimeZone)
    }

    /// The same on UTF-8 bytes (FeedAssembler's field text): no String unless
    /// the text holds a no-break space, which the String form replaces.
    static func parse(utf8 text: UnsafeBufferPointer<UInt8>, defaultTimeZone: TimeZone?) -> Date? {
        if hasNoBreakSpace(text) { return parse(String(decoding: text, as: UTF8.self), defaultTimeZone: defaultTimeZone) }
        var start = 0, end = text.count
        while end > start, isSpace(text[end - 1]) { end -= 1 }
        while start < end, isSpace(text[start]) { start += 1 }
        return parse(trimmed: Array(text[start..<end]), defaultTimeZone: defaultTimeZone)
    }

    /// `bytes` trimmed of ASCII whitespace; anything else is left to the grammars.
    private static func parse(trimmed bytes: [UInt8], defaultTimeZone: TimeZone?) -> Date? {
        guard !bytes.isEmpty else { return nil }
        if let date = unixTimestamp(bytes) { return date }
        if let fields = parseISO(bytes) ?? parseRFC822(bytes) {
            return fields.date(defaultTimeZone: defaultTimeZone)
        }
        return nil
    }

    /// Whether the UTF-8 of `text` holds U+00A0 (C2 A0).
    private static func hasNoBreakSpace(_ text: String) -> Bool {
        hasNoBreakSpace(text.utf8)
    }

    private static func hasNoBreakSpace<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> Bool {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0xA0 && previous == 0xC2 { return true }
            previous = byte
        }
        return false
    }

    /// 9-10 digits are seconds since 1970 (a fraction allowed), 12-13 digits milliseconds
    /// (JavaScript's Date.now(), always whole).
    static func unixTimestamp(_ b: [UInt8]) -> Date? {
        let whole = b.prefix { isDigit($0) }
        let rest = b[whole.count...]
        guard rest.isEmpty || (rest.first == UInt8(ascii: ".") && rest.dropFirst().allSatisfy(isDigit)),
              let value = Double(String(decoding: b, as: UTF8.self)) else { return nil }
        switch whole.count {
        case 9, 10: return Date(timeIntervalSince1970: value)
        case 12 where rest.isEmpty, 13 where rest.isEmpty: return Date(timeIntervalSince1970: value / 1000)
        default: return nil
        }
    }

    /// Broken-down date as read; `offset` is nil when the text named no zone.
    struct Fields {
        var year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0
        var fraction = 0.0
        var offset: Int?

        func date(defaultTimeZone: TimeZone?) -> Date? {
            guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day),
                  (0...24).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
            let days = FeedDateParser.daysFromCivil(year: year, month: month, day: day)
            let local = Double(days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59)) + fraction
            if let offset { return Date(timeIntervalSince1970: local - Double(offset)) }
            guard let zone = defaultTimeZone else { return Date(timeIntervalSince1970: local) }
            // The zone's offset depends on the instant (DST); two rounds settle it.
            var guess = Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: Date(timeIntervalSince1970: local))))
            guess = Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT(for: guess)))
            return guess
        }
    }

    // MARK: ISO 8601 / RFC 3339 / W3CDTF

    /// YYYY[-MM[-DD]][(T| )hh:mm[:ss[.fff]]][Z|±hh[:mm]|±hhmm], also the basic form YYYYMMDDThhmmss.
    static func parseISO(_ b: [UInt8]) -> Fields? {
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for k in i..<(i + count) {
                guard isDigit(b[k]) else { return nil }
                value = value * 10 + Int(b[k] - 48)
            }
            i += count
            return value
        }
        func take(_ c: UInt8) -> Bool {
            if i < b.count, b[i] == c { i += 1; return true }
            return false
        }
        var f = Fields()
        guard let year = digits(4) else { return nil }
        f.year = year
        let extended = take(UInt8(ascii: "-"))
        if !extended, i < b.count, !isDigit(b[i]) { return nil }
        if i == b.count { return f }
        guard let month = digits(2) else { return nil }
        f.month = month
        if extended && i == b.count { return f }
        if extended { guard take(UInt8(ascii: "-")) else { return nil } }
        guard let day = digits(2) else { return nil }
        f.day = day
        if i == b.count { return f }
        guard take(UInt8(ascii: "T")) || take(UInt8(ascii: "t")) || take(UInt8(ascii: " ")) else { return nil }
        while take(UInt8(ascii: " ")) {}
        guard let hour = digits(2) else { return nil }
        f.hour = hour
        let colon = take(UInt8(ascii: ":"))
        guard let minute = digits(2) else { return nil }
        f.minute = minute
        if colon ? take(UInt8(ascii: ":")) : (i < b.count && isDigit(b[i])) {
            guard let second = digits(2) else { return nil }
            f.second = second
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                var scale = 0.1
                while i < b.count, isDigit(b[i]) {
                    f.fraction += Double(b[i] - 48) * scale
                    scale /= 10
                    i += 1
                }
            }
        }
        while take(UInt8(ascii: " ")) {}
        if i == b.count { return f }
        if take(UInt8(ascii: "Z")) || take(UInt8(ascii: "z")) {
            f.offset = 0
        } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let hh = digits(2) else { return nil }
            var mm = 0
            if take(UInt8(ascii: ":")) {
                guard let m = digits(2) else { return nil }
                mm = m
            } else if let m = digits(2) {
                mm = m
            }
            f.offset = sign * (hh * 3_600 + mm * 60)
        } else {
            // A zone name after an ISO date ("2024-01-02 10:00 GMT").
            let name = String(decoding: b[i...], as: UTF8.self).uppercased()
            guard let offset = zoneOffsets[name] else { return nil }
            f.offset = offset
            i = b.count
        }
        return i == b.count ? f : nil
    }

    // MARK: RFC 822 / 1123 and its sloppy relatives

    /// Token-based so that the real-world variants pass: missing weekday or
    /// comma, 2-digit years, "GMT+0300", JavaScript's "Tue Jan 02 2024 ...".
    static func parseRFC822(_ b: [UInt8]) -> Fields? {
        var f = Fields()
        // The first two numbers (day and year) and how many there were: a third
        // makes the text no date. Kept in variables: no array per date.
        var numberCount = 0
        var numbers = (first: (value: 0, width: 0), second: (value: 0, width: 0))
        func addNumber(_ value: Int, width: Int) {
            if numberCount == 0 { numbers.first = (value, width) } else if numberCount == 1 { numbers.second = (value, width) }
            numberCount += 1
        }
        var month: Int?
        // Hour, minute, second (0 when the time has two parts).
        var time: (hour: Int, minute: Int, second: Int)?
        var offset: Int?
        var i = 0
        while i < b.count {
            let c = b[i]
            if isDigit(c) {
                let start = i
                while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: ":") || (b[i] == UInt8(ascii: ".") && time == nil && containsColon(b, start, i)) { i += 1 }
                if containsColon(b, start, i) {
                    guard time == nil, let parts = timeParts(b, start, i) else { return nil }
                    time = parts
                } else {
                    // Digits only (a '.' joins a token only after a ':').
                    guard i - start <= 4 else { return nil }
                    addNumber(decimal(b[start..<i]), width: i - start)
                }
            } else if c == UInt8(ascii: "+") || c == UInt8(ascii: "-") {
                let sign = c == UInt8(ascii: "-") ? -1 : 1
                i += 1
                let start = i
                while i < b.count, isDigit(b[i]) || b[i] == UInt8(ascii: ":") { i += 1 }
                // The digits without the colons, as Int(String) reads them (nil past Int.max).
                var digitCount = 0
                var value: Int? = 0
                for k in start..<i where b[k] != UInt8(ascii: ":") {
                    digitCount += 1
                    value = value.flatMap { v in
                        let (times10, o1) = v.multipliedReportingOverflow(by: 10)
                        let (sum, o2) = times10.addingReportingOverflow(Int(b[k] - 48))
                        return o1 || o2 ? nil : sum
                    }
                }
                // A dash between date parts ("02-Jan-2024") is a separator, not a zone.
                if time == nil { if digitCount > 0 { addNumber(value ?? 0, width: digitCount) }; continue }
                guard digitCount == 4 || digitCount == 2 || digitCount == 1, let v = value else { return nil }
                let seconds = digitCount == 4 ? (v / 100) * 3_600 + (v % 100) * 60 : v * 3_600
                offset = (offset ?? 0) + sign * seconds
            } else if isAlpha(c) || c >= 0x80 {
                // Words may be in any script: month names are looked up in MonthNames.
                let start = i
                while i < b.count, isAlpha(b[i]) || b[i] >= 0x80 { i += 1 }
                if let m = MonthNames.month(utf8: b[start..<i]) {
                    if month == nil { month = m }
                    continue
                }
                let kind = wordKind(b[start..<i])
                switch kind {
                case .zone(let z):
                    offset = z
                case .skipped:
                    continue
                case .am, .pm:
                    guard var t = time, t.hour <= 12 else { return nil }
                    if kind == .pm, t.hour < 12 { t.hour += 12 }
                    if kind == .am, t.hour == 12 { t.hour = 0 }
                    time = t
                case .other:
                    // An unknown zone abbreviation reads the time as zoneless rather than
                    // failing; words around a month ("г.", "il", "թ.") are ignored.
                    guard time != nil || month != nil || c >= 0x80 else { return nil }
                }
            } else {
                i += 1
            }
        }
        guard let month, numberCount > 0, numberCount <= 2 else { return nil }
        f.month = month
        if numberCount == 1 {
            return nil
        }
        // Day and year: a 4-digit or >31 number is the year, else RFC order (day first).
        var day = numbers.first, year = numbers.second
        if day.width == 4 || day.value > 31 { swap(&day, &year) }
        f.day = day.value
        switch year.width {
        case 4, 3: f.year = year.value
        case 1, 2: f.year = year.value < 50 ? 2000 + year.value : 1900 + year.value
        default: return nil
        }
        if let time {
            f.hour = time.hour
            f.minute = time.minute
            f.second = time.second
        }
        f.offset = offset
        return f
    }

    /// "hh:mm" or "hh:mm:ss" (each part one or two digits, anything after a '.' in
    /// a part dropped) in b[start..<end]; nil for any other number of parts.
    private static func timeParts(_ b: [UInt8], _ start: Int, _ end: Int) -> (hour: Int, minute: Int, second: Int)? {
        var values = (0, 0, 0)
        var count = 0
        var k = start
        while true {
            var partEnd = k
            while partEnd < end, b[partEnd] != UInt8(ascii: ":") { partEnd += 1 }
            var wholeEnd = k
            while wholeEnd < partEnd, b[wholeEnd] != UInt8(ascii: ".") { wholeEnd += 1 }
            guard wholeEnd > k, wholeEnd - k <= 2, count < 3 else { return nil }
            let value = decimal(b[k..<wholeEnd])
            switch count {
            case 0: values.0 = value
            case 1: values.1 = value
            default: values.2 = value
            }
            count += 1
            if partEnd == end { break }
            k = partEnd + 1
        }
        guard count >= 2 else { return nil }
        return (values.0, values.1, values.2)
    }

    /// What a word other than a month name is to parseRFC822.
    enum WordKind: Equatable {
        case zone(Int)
        /// A weekday, "at" or "T".
        case skipped
        case am, pm
        case other
    }

    /// Zone abbreviations first, then weekdays (by their first three letters),
    /// "at", "T", "AM" and "PM", in any letter case.
    static func wordKind(_ word: ArraySlice<UInt8>) -> WordKind {
        guard word.allSatisfy({ $0 < 0x80 }) else {
            let upper = String(decoding: word, as: UTF8.self).uppercased()
            if let z = zoneOffsets[upper] { return .zone(z) }
            if weekdays.contains(String(upper.prefix(3))) || upper == "AT" || upper == "T" { return .skipped }
            return upper == "AM" ? .am : upper == "PM" ? .pm : .other
        }
        // ASCII (letters only: the caller's word ends at anything else): the same
        // tests on the uppercase bytes packed into an integer, without Strings.
        if word.count <= 8, let z = packedZoneOffsets[packedUppercase(word)] { return .zone(z) }
        if word.count >= 3, packedWeekdays.contains(packedUppercase(word.prefix(3))) { return .skipped }
        switch word.count <= 8 ? packedUppercase(word) : 0 {
        case packedAT, packedT: return .skipped
        case packedAM: return .am
        case packedPM: return .pm
        default: return .other
        }
    }

    private static let packedAT = packedUppercase("AT".utf8)
    private static let packedT = packedUppercase("T".utf8)
    private static let packedAM = packedUppercase("AM".utf8)
    private static let packedPM = packedUppercase("PM".utf8)

    /// Up to eight bytes, ASCII-uppercased, little-endian.
    private static func packedUppercase<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for byte in bytes.prefix(8) {
            let upper = byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte
            key |= UInt64(upper) << shift
            shift += 8
        }
        return key
    }

    private static let packedZoneOffsets: [UInt64: Int] = Dictionary(
        uniqueKeysWithValues: zoneOffsets.map { (packedUppercase($0.key.utf8), $0.value) })
    private static let packedWeekdays: Set<UInt64> = Set(weekdays.map { packedUppercase($0.utf8) })

    /// The value of a run of ASCII digits (at most four here).
    private static func decimal(_ digits: ArraySlice<UInt8>) -> Int {
        digits.reduce(0) { $0 * 10 + Int($1 - 48) }
    }

    private static func containsColon(_ b: [UInt8], _ start: Int, _ end: Int) -> Bool {
        b[start..<end].contains(UInt8(ascii: ":"))
    }

    static let weekdays: Set<String> = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"]

    /// Abbreviations seen in feeds; AZT/AMT/GET/GST are the region's (AMT is
    /// Armenia, not Amazon, here: the product follows the South Caucasus).
    static let zoneOffsets: [String: Int] = {
        let hours: [String: Double] = [
            "GMT": 0, "UT": 0, "UTC": 0, "Z": 0, "WET": 0,
            "EST": -5, "EDT": -4, "CST": -6, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
            "AKST": -9, "AKDT": -8, "HST": -10,
            "AZT": 4, "AZST": 5, "AMT": 4, "AMST": 5, "GET": 4, "GST": 4, "MSK": 3, "MSD": 4,
            "BST": 1, "IST": 5.5, "CET": 1, "CEST": 2, "MET": 1, "MEST": 2, "WEST": 1,
            "EET": 2, "EEST": 3, "TRT": 3, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8,
            "AEST": 10, "AEDT": 11, "NZST": 12, "NZDT": 13,
        ]
        return hours.mapValues { Int($0 * 3_600) }
    }()

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
    @inline(__always) static func isAlpha(_ c: UInt8) -> Bool { (c | 0x20) >= 97 && (c | 0x20) <= 122 }
    @inline(__always) static func isSpace(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 10 || c == 13 }
}
