/// Month names in the languages of the region's feeds, as stems: a word is a
/// month when it starts with a stem and the rest is at most a case ending
/// (Russian "ноября", Azerbaijani "noyabrın", Armenian "նոյեմբերի",
/// Georgian "ნოემბერს", Turkish "Kasım'da" stops at the apostrophe).
enum MonthNames {
    /// (stem, month, longest ending allowed in characters).
    private static let stems: [(String, Int, Int)] = {
        var table: [(String, Int, Int)] = []
        func add(_ names: [String], ending: Int) {
            for (index, name) in names.enumerated() where !name.isEmpty {
                table.append((name, index + 1, ending))
            }
        }
        // English, full and abbreviated: "Sept", "June", "Janvier"-like spellings.
        add(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], ending: 6)
        // Russian: nominative and genitive share these stems; "май"/"мая" are whole words.
        add(["январ", "феврал", "март", "апрел", "", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр"], ending: 3)
        add(["янв", "фев", "мар", "апр", "", "", "", "авг", "сен", "окт", "ноя", "дек"], ending: 2)
        // Azerbaijani, with case endings (-ın, -da, -dən ...).
        add(["yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avqust", "sentyabr", "oktyabr", "noyabr", "dekabr"], ending: 4)
        // Armenian: genitive -ի is the usual form in dates.
        add(["հունվար", "փետրվար", "մարտ", "ապրիլ", "մայիս", "հունիս", "հուլիս", "օգոստոս", "սեպտեմբեր", "հոկտեմբեր", "նոյեմբեր", "դեկտեմբեր"], ending: 2)
        // Georgian: nominative -ი, dative -ს, genitive -ის.
        add(["იანვარ", "თებერვალ", "მარტ", "აპრილ", "მაის", "ივნის", "ივლის", "აგვისტო", "სექტემბერ", "ოქტომბერ", "ნოემბერ", "დეკემბერ"], ending: 3)
        // Georgian genitive drops the stem's last vowel: დეკემბერი -> დეკემბრის.
        add(["იანვრ", "თებერვლ", "", "", "", "", "", "", "სექტემბრ", "ოქტომბრ", "ნოემბრ", "დეკემბრ"], ending: 3)
        // Turkish; dotless ı also as i, since feeds are not careful with it.
        add(["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"], ending: 4)
        add(["", "subat", "", "", "mayis", "", "", "agustos", "eylul", "", "kasim", "aralik"], ending: 4)
        // Longest stem first, so "mart" wins over "mar" and "мая" over nothing.
        return table.sorted { $0.0.count > $1.0.count }
    }()

    /// Russian short forms of May that a stem of two letters would overmatch.
    private static let russianMay: Set<String> = ["май", "мая", "мае"]

    /// The stems in ASCII, lowercase, in the order of `stems`: the only ones
    /// an ASCII word can start with.
    private static let asciiStems: [(stem: [UInt8], month: Int, ending: Int)] = stems
        .filter { $0.0.utf8.allSatisfy { $0 < 0x80 } }
        .map { (Array($0.0.utf8), $0.1, $0.2) }

    /// asciiStems by their first byte (0...127).
    private static let asciiStemsByFirstByte: [[(stem: [UInt8], month: Int, ending: Int)]] = {
        var buckets = Array(repeating: [(stem: [UInt8], month: Int, ending: Int)](), count: 128)
        for entry in asciiStems { buckets[Int(entry.stem[0])].append(entry) }
        return buckets
    }()

    /// The month (1...12) that the word in `utf8` names, or nil.
    static func month<Bytes: Collection<UInt8>>(utf8 word: Bytes) -> Int? where Bytes.Index == Int {
        guard word.allSatisfy({ $0 < 0x80 }) else { return month(String(decoding: word, as: UTF8.self)) }
        return asciiMonth(word)
    }

    /// The rules of month(_:) for an ASCII word, on its bytes: on ASCII,
    /// String's lowercased(), hasPrefix and count are byte operations, and
    /// without String's case mapping and grapheme breaking a date no longer
    /// costs a fifth of all parse time (every word of every RFC 822 date is
    /// tried against the stems).
    private static func asciiMonth<Bytes: Collection<UInt8>>(_ word: Bytes) -> Int? where Bytes.Index == Int {
        let count = word.count
        let first = word.startIndex
        guard count > 0 else { return nil }
        // Only the stems that start with the word's first letter, in their order.
        for (stem, month, ending) in asciiStemsByFirstByte[Int(lowercased(word[first]))] where stem.count <= count {
            var matches = true
            for k in 0..<stem.count where lowercased(word[first + k]) != stem[k] {
                matches = false
                break
            }
            if matches && count - stem.count <= ending { return month }
        }
        return nil
    }

    @inline(__always)
    static func lowercased(_ c: UInt8) -> UInt8 {
        c >= 0x41 && c <= 0x5A ? c | 0x20 : c
    }

    /// The month (1...12) that `word` names, or nil.
    static func month(_ word: String) -> Int? {
        let lower = word.lowercased()
        if russianMay.contains(lower) { return 5 }
        for (stem, month, ending) in stems {
            guard lower.hasPrefix(stem) else { continue }
            if lower.count - stem.count <= ending { return month }
        }
        return nil
    }
}
