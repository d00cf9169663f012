// Throwaway throughput measurement for the Matching module (not a test):
// normalise + match two inputs, each repeated to the same size:
// - eval: the titles and summaries of the eval file (short items, half of them
//   about the region by construction);
// - real feeds: title, summary and content of every item of the real-feeds
//   corpus as FeedParser produces them (what `feedwatch poll` matches);
// against three gazetteers: 285 spellings from shared/reference/entities.md
// (below), the shipped feeds.conf (read with Config), and 10,000 generated spellings.
// Arguments: eval.jsonl, megabytes per measurement, feeds.conf, real-feeds folder.
// MATCH_ONLY=<text>: measure only the rows whose label contains it (for perf record).
import Config
import FeedModel
import Foundation
import Matching
import Parsing

let gazetteer: [(String, String)] = [
    ("Azerbaijan", "Azerbaijan, Azerbaycan, Azeri, Азербайджан*, Azərbaycan*, Ադրբեջան*, აზერბაიჯან*"),
    ("Armenia", "Armenia, Armenian*, Армени*, Ermənistan*, Հայաստան*, სომხეთ*"),
    ("Georgia", "Georgia, Грузи*, Gürcüstan*, Վրաստան*, საქართველო*"),
    ("Turkey", "Türkiye, Turkey, Турци*, Türkiyə*, Թուրքիա*, თურქეთ*"),
    ("Russia", "Russia, Росси*, Rusiya*, Ռուսաստան*, რუსეთ*"),
    ("Iran", "Iran, Иран*, İran*, Իրան*, ირან*"),
    ("Baku", "Baku, Баку, Bakı*, Բաքու*, ბაქო*, Bakü"),
    ("Yerevan", "Yerevan, Erevan, Ереван*, İrəvan*, Երևան*, Երեւան*, ერევან*, Erivan"),
    ("Tbilisi", "Tbilisi, Тбилиси, Tiflis, Թբիլիսի*, თბილის*"),
    ("Nagorno-Karabakh", "Nagorno-Karabakh, Karabakh*, Karabagh, Artsakh, Нагорный Карабах*, Карабах*, Арцах*, Qarabağ*, Dağlıq Qarabağ*, Ղարաբաղ*, Լեռնային Ղարաբաղ*, Արցախ*, ԼՂՀ, ყარაბაღ*, მთიანი ყარაბაღ*"),
    ("Stepanakert", "Stepanakert, Khankendi, Hankendi, Степанакерт*, Ханкенди, Xankəndi*, Ստեփանակերտ*, სტეფანაკერტ*, ხანქენდ*, Chankendi"),
    ("Shusha", "Shusha, Shushi, Шуш*, Şuşa*, Շուշի*, შუშა*"),
    ("Lachin", "Lachin, Lachin corridor, Berdzor corridor, Лачин*, Лачинский коридор*, Бердзор*, Laçın*, Laçın dəhlizi*, Լաչին*, Քաշաթաղ*, Բերձոր*, ლაჩინ*"),
    ("Nakhchivan", "Nakhchivan, Nakhichevan, Нахичевань*, Нахчыван*, Naxçıvan*, Նախիջևան*, ნახჭევან*"),
    ("Zangezur", "Zangezur, Syunik, Meghri corridor, TRIPP, Trump Route, Зангезур*, Сюник*, Мегри*, Мегринский коридор*, Zəngəzur*, Զանգեզուր*, Սյունիք*, სიუნიკ*, թրամփի"),
    ("Abkhazia", "Abkhazia, Абхази*, Abxaziya*, Աբխազիա*, აფხაზეთ*, Аҧсны"),
    ("South Ossetia", "South Ossetia, Tskhinvali, Южная Осетия, Южной Осетии, Цхинвал*, Cənubi Osetiya*, Հարավային Օսիա*, ცხინვალ*, სამხრეთ ოსეთ*, Shida Kartli, შიდა ქართლ*"),
    ("Karabakh places", "Khojaly, Kalbajar, Aghdam, Fuzuli, Zangilan, Hadrut, Ходжалы, Кельбаджар*, Агдам*, Зангилан*, Xocalı*, Kəlbəcər*, Ağdam*, Xocavənd*, Zəngilan*, Tərtər*, Ասկերան*, Հադրութ*, Մարտակերտ*, Մարտունի*, აღდამ*"),
    ("Ilham Aliyev", "Ilham Aliyev, Aliev, Ильхам Алиев*, İlham Əliyev*, Əliyev*, Իլհամ Ալիև*, ილჰამ ალიევ*, ალიევ*, Mehriban Aliyeva"),
    ("Nikol Pashinyan", "Nikol Pashinyan, Pashinyan, Pashinian, Никол Пашинян*, Пашинян*, Paşinyan*, Նիկոլ Փաշինյան*, Փաշինյան*, ნიკოლ ფაშინიან*"),
    ("Irakli Kobakhidze", "Irakli Kobakhidze, Ираклий Кобахидзе, Кобахидзе, İrakli Kobaxidze, Իրակլի Կոբախիձե, ირაკლი კობახიძე*"),
    ("Bidzina Ivanishvili", "Bidzina Ivanishvili, Ivanishvili, Бидзина Иванишвили, Иванишвили, Bidzina İvanişvili, Բիձինա Իվանիշվիլի, ბიძინა ივანიშვილ*, ივანიშვილ*"),
    ("Officials", "Jeyhun Bayramov, Bayramov, Байрамов*, Բայրամով*, Hikmat Hajiyev, Hacıyev*, Гаджиев*, Հաջիև*, Ararat Mirzoyan, Mirzoyan, Мирзоян*, Միրզոյան*, Alen Simonyan, Симонян*, Սիմոնյան*, Ruben Rubinyan, Рубинян*, Ռուբինյան*, Kaja Kallas, Калас, Կալաս, Mikheil Kavelashvili, მიხეილ ყაველაშვილ*"),
    ("CSTO", "CSTO, ОДКБ, KTMT, ՀԱՊԿ"),
    ("OSCE", "OSCE, OSCE Minsk Group, Minsk Group, ОБСЕ, Минская группа*, ATƏT*, ԵԱՀԿ, ԵԱՀԿ Մինսկի խումբ*, ეუთო*, ეუთოს მინსკის ჯგუფ*"),
    ("Peacekeepers", "Russian peacekeepers, peacekeeping contingent, российские миротворцы, миротворческий контингент*, sülhməramlı*, խաղաղապահ*, სამშვიდობო*"),
    ("EUMA", "EUMA, EU Mission in Armenia, EU monitoring mission"),
    ("PACE", "PACE, ПАСЕ, AŞPA, ԵԽԽՎ"),
    ("NATO", "NATO, НАТО, ՆԱՏՕ, ნატო*"),
    ("ECHR", "ECHR, European Court of Human Rights, ЕСПЧ, AİHM, ՄԻԵԴ"),
    ("Georgian Dream", "Georgian Dream, Грузинская мечта*, Gürcü Arzusu, Վրացական երազանք*, ქართული ოცნება*"),
    ("Places more", "Rustaveli Avenue, Gyumri, Гюмри, Գյումրի*, Ganja, Гянджа*, Gəncə*, Batumi, Батуми, ბათუმ*, Kutaisi, Кутаиси, ქუთაის*, Sumgait, Sumqayıt*, Vanadzor, Վանաձոր*, Sukhumi, Sokhumi, Сухум*, სოხუმ*, Samachablo, Javakheti, ჯავახეთ*, Borjomi, Poti, Anaklia, ანაკლი*, Ijevan, Tavush, Տավուշ*, Gazakh, Qazax*"),
]

let topicsText: [(String, RuleExpression)] = [
    ("Karabakh", .or([.entity("Nagorno-Karabakh"), .entity("Stepanakert"), .entity("Shusha"),
                      .and([.entity("Azerbaijan"), .entity("Armenia"),
                            .or([.term(Spelling("border")), .term(Spelling("peace treaty"))])])])),
    ("Georgia politics", .and([.or([.entity("Georgia"), .entity("Tbilisi")]), .not(.term(Spelling("Atlanta")))])),
    ("Leaders", .or([.entity("Ilham Aliyev"), .entity("Nikol Pashinyan"), .entity("Irakli Kobakhidze")])),
]

func parseSpellings(_ list: String) -> [Spelling] {
    list.split(separator: ",").map { raw in
        let s = raw.trimmingCharacters(in: .whitespaces)
        return s.hasSuffix("*") ? Spelling(String(s.dropLast()), isStem: true) : Spelling(s)
    }
}

let benchEntities = gazetteer.map { EntityDefinition(name: $0.0, kind: "bench", spellings: parseSpellings($0.1)) }
let benchTopics = topicsText.map { TopicDefinition(name: $0.0, rule: $0.1) }

/// A fixed pseudo-random sequence (SplitMix64), so every run generates the same spellings.
struct SplitMix {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

/// The bench gazetteer plus generated names in the region's four scripts (one to
/// three words of 4 to 10 letters, a third of them stems) up to `total` spellings,
/// ten per entity.
func generatedEntities(total: Int) -> [EntityDefinition] {
    let alphabets: [[Character]] = [
        Array("abcdefghijklmnopqrstuvwxyzəğışçöü"),
        Array("абвгдежзийклмнопрстуфхцчшщыэюя"),
        Array("աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆ"),
        Array("აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ"),
    ]
    var random = SplitMix(state: 42)
    var entities = benchEntities
    var count = benchEntities.reduce(0) { $0 + $1.spellings.count }
    var spellings: [Spelling] = []
    while count < total {
        let letters = alphabets[random.next(alphabets.count)]
        let words = (0...random.next(3)).map { _ in
            String((0..<(4 + random.next(7))).map { _ in letters[random.next(letters.count)] })
        }
        spellings.append(Spelling(words.joined(separator: " "), isStem: random.next(3) == 0))
        count += 1
        if spellings.count == 10 || count == total {
            entities.append(EntityDefinition(name: "generated-\(entities.count)", kind: "bench", spellings: spellings))
            spellings = []
        }
    }
    return entities
}

let arguments = CommandLine.arguments
let path = arguments.count > 1 ? arguments[1] : "../shared/eval/relevance-dev.jsonl"
let targetMB = arguments.count > 2 ? Int(arguments[2]) ?? 64 : 64
let confPath = arguments.count > 3 ? arguments[3] : "feeds.conf"
let feedsPath = arguments.count > 4 ? arguments[4] : "../shared/corpus/real-feeds"
let environment = ProcessInfo.processInfo.environment
/// Optional: measure only the rows whose label contains this (for perf record).
let only = environment["MATCH_ONLY"]
guard let data = FileManager.default.contents(atPath: path) else {
    print("cannot read \(path)")
    exit(2)
}
let shipped: Configuration
do {
    shipped = try ConfigLoader.load(path: confPath)
} catch {
    print("cannot load \(confPath): \(error)")
    exit(2)
}

/// One input: items and how often they are repeated to reach the target size.
struct Input {
    let label: String
    let items: [MatchInput]
    let bytes: Int
    let rounds: Int
    var megabytes: Double { Double(bytes * rounds) / 1_000_000 }
    /// Every non-empty field, for the peers.
    var fields: [String] { items.flatMap { [$0.title, $0.summary, $0.content] }.filter { !$0.isEmpty } }

    init(label: String, items: [MatchInput]) {
        self.label = label
        self.items = items
        bytes = items.reduce(0) { $0 + $1.title.utf8.count + $1.summary.utf8.count + $1.content.utf8.count }
        rounds = max(1, targetMB * 1_000_000 / max(1, bytes))
    }
}

var evalItems: [MatchInput] = []
for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
    guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else { continue }
    evalItems.append(MatchInput(title: object["title"] as? String ?? "", summary: object["summary"] as? String ?? ""))
}

/// Every item of every feed of the corpus, as `feedwatch poll` hands it to the matcher
/// (plain text of title, summary and content), in file name order.
func realFeedItems(in folder: String) -> [MatchInput] {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .filter { !$0.contains(".") && !$0.hasPrefix("LICENSE") }.sorted()
    var items: [MatchInput] = []
    for name in names {
        guard let feed = try? FeedParser().parse(contentsOf: URL(fileURLWithPath: folder + "/" + name)) else { continue }
        for item in feed.items {
            items.append(MatchInput(title: item.title ?? "", summary: item.summary ?? "", content: item.content ?? ""))
        }
    }
    return items
}

let inputs = [Input(label: "eval", items: evalItems), Input(label: "real feeds", items: realFeedItems(in: feedsPath))]
for input in inputs {
    print("input \(input.label): \(input.items.count) items, \(input.bytes) bytes x \(input.rounds) rounds = \(String(format: "%.1f", input.megabytes)) MB per measurement")
}
print("(MB/s per core, thread CPU time)")

/// CPU time of this thread, not wall time: the build machines are shared, so
/// wall time measures the neighbours as much as the matcher.
func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

func seconds(_ body: () -> Void) -> Double {
    let start = now()
    body()
    return now() - start
}

func format(_ value: Double) -> String { String(format: "%.0f", value) }

/// FNV-1a over everything a result says, so two builds can be shown to agree.
struct Checksum {
    var value: UInt64 = 0xCBF2_9CE4_8422_2325
    mutating func add(_ text: String) {
        for byte in text.utf8 { value = (value ^ UInt64(byte)) &* 0x100_0000_01B3 }
        value = (value ^ 0xFF) &* 0x100_0000_01B3
    }
    mutating func add(_ result: MatchResult) {
        for topic in result.topics { add(topic) }
        for hit in result.hits {
            add("\(hit.entity ?? "-") \(hit.spelling) \(hit.field) \(hit.matchedText) \(hit.start) \(hit.end)")
        }
        // What Storage saves besides: the score, the [keep] decision, the cancelled hits and why.
        add("\(result.score.map { "\($0)" } ?? "-") \(result.keep.map { "\($0)" } ?? "-")")
        for hit in result.cancelled {
            add("\(hit.entity ?? "-") \(hit.spelling) \(hit.field) \(hit.start) \(hit.end) \(hit.cancelledBy ?? "-")")
        }
        add("|")
    }
}

// The matcher's own path with nothing to find: normalisation into its reused
// buffer (offset map included), pattern starts, and an empty trie walk.
let empty = Matcher(entities: [], topics: [])
var sink = 0
for input in inputs where only.map({ "normalise \(input.label)".contains($0) }) ?? true {
    let normalizeTime = seconds {
        for _ in 0..<input.rounds {
            for item in input.items { sink &+= empty.match(item).hits.count }
        }
    }
    print("normalise only, \(input.label): \(format(input.megabytes / normalizeTime)) MB/s")
}

@MainActor func measure(_ gazetteer: String, entities: [EntityDefinition], topics: [TopicDefinition], maxSuffix: Int) {
    var matcher: Matcher!
    let buildTime = seconds { matcher = Matcher(entities: entities, topics: topics, maxSuffixLength: maxSuffix) }
    let spellingCount = entities.reduce(0) { $0 + $1.spellings.count }
    print("\(gazetteer): \(entities.count) entities, \(spellingCount) spellings, \(topics.count) topics, built in \(String(format: "%.1f", buildTime * 1000)) ms")
    for input in inputs {
        let label = "\(input.label) x \(gazetteer)"
        if let only, !label.contains(only) { continue }
        var checksum = Checksum()
        var hitCount = 0
        var kept = 0
        for item in input.items {
            let result = matcher.match(item)
            checksum.add(result)
            hitCount += result.hits.count
            if result.isKept { kept += 1 }
        }
        let matchTime = seconds {
            for _ in 0..<input.rounds {
                for item in input.items { sink &+= matcher.match(item).hits.count }
            }
        }
        // The same text as one long field per round: no per-item overhead.
        let joined = MatchInput(content: input.items.map { [$0.title, $0.summary, $0.content].joined(separator: "\n") }
            .joined(separator: "\n"))
        let joinedTime = seconds {
            for _ in 0..<input.rounds { sink &+= matcher.match(joined).hits.count }
        }
        let perKB = Double(hitCount) / (Double(input.bytes) / 1000)
        print("  \(label): normalise + match: \(format(input.megabytes / matchTime)) MB/s; one long field: \(format(input.megabytes / joinedTime)) MB/s")
        print("  \(label): per round: \(hitCount) hits (\(String(format: "%.1f", perKB)) per KB), \(kept) items kept; checksum \(String(checksum.value, radix: 16))")
        print("RESULT\t\(label)\tfeedwatch Matcher (normalise + match)\t\(String(format: "%.1f", input.megabytes / matchTime))\t\(String(format: "%.1f", perKB))")
        measureRegexPeer(label, input: input, entities: entities, maxSuffix: maxSuffix)
    }
    exportSpellings(gazetteer, entities: entities, maxSuffix: maxSuffix)
}

/// The Miniflux way: one case-insensitive regular expression per rule (here per
/// entity: an alternation of its spellings between word boundaries, a stem as
/// `stem\w{0,max_suffix}`), each tried on every field of every item; an item
/// field counts as matched on the first hit (`firstMatch`, as Miniflux's
/// MatchString). Fields in order, from the first again if need be, until 3 s of
/// CPU time, at least one field.
@MainActor func measureRegexPeer(_ label: String, input: Input, entities: [EntityDefinition], maxSuffix: Int) {
    if environment["MATCH_NO_PEERS"] != nil { return }
    var regexes: [NSRegularExpression] = []
    for entity in entities {
        let alternatives = entity.spellings.map { spelling in
            NSRegularExpression.escapedPattern(for: spelling.text) + (spelling.isStem ? "\\w{0,\(maxSuffix)}" : "")
        }
        do {
            regexes.append(try NSRegularExpression(pattern: "\\b(?:" + alternatives.joined(separator: "|") + ")\\b",
                                                   options: [.caseInsensitive]))
        } catch {
            print("regex for \(entity.name) rejected: \(error)")
        }
    }
    let fields: [(String, NSRange, Int)] = input.fields.map {
        ($0, NSRange(location: 0, length: $0.utf16.count), $0.utf8.count)
    }
    var matched = 0
    var bytes = 0
    var count = 0
    let start = now()
    var elapsed = 0.0
    while count == 0 || elapsed < 3 {
        let (field, range, size) = fields[count % fields.count]
        for regex in regexes where regex.firstMatch(in: field, range: range) != nil {
            matched += 1
        }
        bytes += size
        count += 1
        elapsed = now() - start
    }
    let mbps = Double(bytes) / 1_000_000 / elapsed
    print("  \(label): NSRegularExpression, one per entity (\(regexes.count)): \(String(format: "%.2f", mbps)) MB/s over \(count) fields; \(matched) field-rule matches")
    print("RESULT\t\(label)\tSwift NSRegularExpression, one per rule (\(regexes.count))\t\(String(format: "%.2f", mbps))\t\(matched) field-rule matches")
}

/// Writes the spellings (one file per gazetteer) and the inputs' fields (once)
/// as JSON for bench/match-peers.py (Python's re), when MATCH_SPELLINGS_DIR is set.
func exportSpellings(_ label: String, entities: [EntityDefinition], maxSuffix: Int) {
    guard let folder = environment["MATCH_SPELLINGS_DIR"] else { return }
    let spellings = entities.flatMap(\.spellings).map { ["text": $0.text, "stem": $0.isStem] as [String: Any] }
    let object: [String: Any] = ["label": label, "max_suffix": maxSuffix, "spellings": spellings]
    write(object, to: folder + "/gazetteer-" + label.filter { $0.isLetter || $0.isNumber } + ".json")
}

func exportInputs() {
    guard let folder = environment["MATCH_SPELLINGS_DIR"] else { return }
    for input in inputs {
        write(["label": input.label, "fields": input.fields] as [String: Any],
              to: folder + "/input-" + input.label.filter { $0.isLetter || $0.isNumber } + ".json")
    }
}

func write(_ object: [String: Any], to path: String) {
    do {
        let data = try JSONSerialization.data(withJSONObject: object)
        try data.write(to: URL(fileURLWithPath: path))
    } catch {
        print("cannot write \(path): \(error)")
    }
}

exportInputs()
measure("bench set", entities: benchEntities, topics: benchTopics, maxSuffix: 6)
measure("shipped feeds.conf", entities: shipped.entities, topics: shipped.topics,
        maxSuffix: shipped.settings.maxSuffixLength)
measure("10,000 spellings", entities: generatedEntities(total: 10_000), topics: benchTopics, maxSuffix: 6)
print("(sink \(sink % 10))")
